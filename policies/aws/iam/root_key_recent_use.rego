# METADATA
# title: Root user's access key was used during the last 30 days
# description: >-
#   An access key of the root user was used within the last 30 days (the credential report's
#   access_key_N_last_used_date): something calls AWS programmatically with unrestricted power that
#   no policy can limit, and whoever holds the key holds the account (CIS AWS Foundations 1.7; the
#   30-day window is Vigil's). AWS-IAM-013 flags root keys that merely exist.
# custom:
#   id: AWS-IAM-024
#   severity: high
#   kinds: [aws.account]
#   remediation: Find what uses the key (CloudTrail events with userIdentity.type Root and its accessKeyId), move it to an IAM role with the permissions it needs, then deactivate and delete the root access key.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html]
#   compliance:
#     cis-aws-3.0: ["1.7"]
#     cis-aws-5.0: ["1.6"]
#     cis-aws-7.0: ["2.7"]
#     nist-800-53-r5: ["AC-6(2)", "AC-6(9)", "IA-2"]
package vigil.rules.aws.iam.root_key_recent_use

window := 30

deny contains {"msg": msg, "path": "root_key_used_days"} if {
	days := input.attributes.root_key_used_days
	days >= 0
	days <= window
	msg := sprintf("an access key of the root user of account %s was used %d days ago", [input.account, days])
}
