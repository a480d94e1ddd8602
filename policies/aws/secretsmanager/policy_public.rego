# METADATA
# title: Secrets Manager secret policy allows any principal
# description: >-
#   A resource policy statement that allows "*" without a condition restricting the caller (source
#   account, organization, VPC endpoint ...) lets principals of any AWS account act on the secret,
#   reading its value if the statement allows secretsmanager:GetSecretValue and the key allows
#   decryption. Secrets Manager's block public policy check refuses such policies when asked to.
# custom:
#   id: AWS-SM-020
#   severity: critical
#   kinds: [aws.secretsmanager.secret]
#   remediation: Name the principals that need the secret in its resource policy, or restrict the statement with aws:PrincipalOrgID or aws:PrincipalAccount; put policies with block_public_policy = true (BlockPublicPolicy) so that Secrets Manager refuses public ones.
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html, https://docs.aws.amazon.com/secretsmanager/latest/userguide/determine-acccess_examine-iam-policies.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-28"]
package vigil.rules.aws.secretsmanager.policy_public

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
	msg := sprintf("secret %s policy statement %d allows %v to any principal", [input.attributes.name, i, stmt.actions])
}
