# METADATA
# title: Root user signed in during the last 30 days
# description: >-
#   The root user signed in to the console with its password within the last 30 days (the
#   credential report's password_last_used). Root can do anything, no policy limits it, and its
#   use should be kept to the few tasks only it can do (CIS AWS Foundations 1.7 asks that it not be
#   used for administrative and daily tasks; the 30-day window is Vigil's). Use of root access keys
#   is AWS-IAM-024.
# custom:
#   id: AWS-IAM-022
#   severity: medium
#   kinds: [aws.account]
#   remediation: Find who signed in as root and why (CloudTrail ConsoleLogin events with userIdentity.type Root); do that work through an IAM role or IAM Identity Center and lock the root credentials away.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html]
#   compliance:
#     cis-aws-3.0: ["1.7"]
#     cis-aws-5.0: ["1.6"]
#     cis-aws-7.0: ["2.7"]
#     nist-800-53-r5: ["AC-6(2)", "AC-6(9)"]
package vigil.rules.aws.iam.root_recent_use

window := 30

deny contains {"msg": msg, "path": "root_password_used_days"} if {
	days := input.attributes.root_password_used_days
	days >= 0
	days <= window
	msg := sprintf("the root user of account %s signed in %d days ago", [input.account, days])
}
