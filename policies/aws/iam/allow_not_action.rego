# METADATA
# title: IAM policy uses Allow with NotAction
# description: Allow with NotAction grants every action except those listed, including actions of services added later; it is almost always broader than intended.
# custom:
#   id: AWS-IAM-010
#   severity: medium
#   kinds: [aws.iam.policy, aws.iam.role, aws.iam.user, aws.iam.group]
#   remediation: Rewrite the statement as Allow with an explicit Action list (use a separate Deny for exceptions).
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html]
#   compliance:
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.allow_not_action

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("%s.statements[%d].not_actions", [p, i])} if {
	some [p, doc] in iam.identity_documents(input.attributes)
	some i, stmt in doc.statements
	iam.is_allow(stmt)
	count(object.get(stmt, "not_actions", [])) > 0
	msg := sprintf("%s %s statement %d allows everything except %v", [iam.label(input), p, i, stmt.not_actions])
}
