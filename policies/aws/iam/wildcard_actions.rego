# METADATA
# title: IAM policy allows all actions of a service
# description: A statement allows a whole service ("svc:*") or every action ("*"), which includes destructive and privilege-escalating actions the principal rarely needs.
# custom:
#   id: AWS-IAM-002
#   severity: medium
#   kinds: [aws.iam.policy, aws.iam.role, aws.iam.user, aws.iam.group]
#   remediation: List the specific actions required instead of service wildcards.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html]
#   compliance:
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.wildcard_actions

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("%s.statements[%d].actions", [p, i])} if {
	some [p, doc] in iam.identity_documents(input.attributes)
	some i in iam.wildcard_action_statements(doc)
	acts := sort(iam.wildcard_actions(doc.statements[i]))
	msg := sprintf("%s %s statement %d allows wildcard actions %s", [iam.label(input), p, i, concat(", ", acts)])
}
