# METADATA
# title: "S3 Glacier vault access policy allows any principal"
# description: "A vault access policy that allows Principal \"*\" without a condition pinning the caller lets anyone run retrieval jobs and read the archives, or upload, delete or change the vault, depending on the actions it grants."
# custom:
#   id: AWS-GLACIER-001
#   severity: high
#   kinds: [aws.glacier.vault]
#   remediation: "Name the accounts or roles allowed in the vault access policy's Principal, or add a condition such as aws:PrincipalOrgID; remove statements that allow \"*\" (aws glacier set-vault-access-policy, or access_policy on aws_glacier_vault)."
#   references: [https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html, https://docs.aws.amazon.com/amazonglacier/latest/dev/access-control-overview.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.glacier.vault_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("Glacier vault %s access policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
