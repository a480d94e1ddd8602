# METADATA
# title: IAM role trust policy allows any principal
# description: The role's trust policy lets "*" assume it without a restricting condition, so anyone with AWS credentials, in any account, can obtain the role's permissions.
# custom:
#   id: AWS-IAM-003
#   severity: critical
#   kinds: [aws.iam.role]
#   remediation: Name the accounts, roles or services that may assume the role in Principal, and add conditions such as sts:ExternalId or aws:PrincipalOrgID.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html]
#   compliance:
#     cis-aws-7.0: ["2.21"]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.iam.trust_any_principal

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("assume_role_policy.statements[%d]", [i])} if {
	doc := input.attributes.assume_role_policy
	doc != null
	some i in iam.public_statements(doc)
	msg := sprintf("role %s can be assumed by any principal (trust statement %d)", [input.name, i])
}
