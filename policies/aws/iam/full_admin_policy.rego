# METADATA
# title: IAM policy grants full administrative privileges
# description: A policy statement allows every action on every resource ("*" on "*"), so any principal holding it controls the whole account.
# custom:
#   id: AWS-IAM-001
#   severity: high
#   kinds: [aws.iam.policy, aws.iam.role, aws.iam.user, aws.iam.group]
#   remediation: Grant only the actions and resources the principal needs; keep administrator access to a few break-glass roles.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html]
#   compliance:
#     cis-aws-3.0: ["1.16"]
#     cis-aws-5.0: ["1.15"]
#     cis-aws-7.0: ["2.14"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     nist-800-53-r5: ["AC-6"]
package vigil.rules.aws.iam.full_admin_policy

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("%s.statements[%d]", [p, i])} if {
	some [p, doc] in iam.identity_documents(input.attributes)
	some i in iam.full_admin_statements(doc)
	msg := sprintf("%s %s allows \"*\" on \"*\" (statement %d)", [iam.label(input), p, i])
}
