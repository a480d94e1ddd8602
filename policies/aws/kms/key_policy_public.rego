# METADATA
# title: "KMS key policy allows any principal"
# description: "A key policy that allows everyone lets any AWS account use or manage the key, defeating the encryption of everything it protects."
# custom:
#   id: AWS-KMS-002
#   severity: critical
#   kinds: [aws.kms.key]
#   remediation: "Name specific principals in the key policy, or restrict the statement with conditions such as kms:CallerAccount or aws:PrincipalOrgID."
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-12"]
package vigil.rules.aws.kms.key_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("KMS key %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
