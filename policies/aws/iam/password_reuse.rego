# METADATA
# title: IAM password policy does not prevent reuse of the last 24 passwords
# description: Allowing users to cycle back to recent passwords keeps compromised passwords in use.
# custom:
#   id: AWS-IAM-009
#   severity: medium
#   kinds: [aws.account]
#   reads: [password_policy]
#   remediation: Set aws_iam_account_password_policy password_reuse_prevention = 24.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html]
#   compliance:
#     cis-aws-3.0: ["1.9"]
#     cis-aws-5.0: ["1.8"]
#     cis-aws-7.0: ["2.9"]
#     pci-dss-4.0: ["8.3.7"]
#     nist-800-53-r5: ["IA-5"]
package vigil.rules.aws.iam.password_reuse

deny contains {"msg": msg, "path": "password_policy.password_reuse_prevention"} if {
	pp := input.attributes.password_policy
	pp != null
	pp.password_reuse_prevention < 24
	msg := sprintf("password policy prevents reuse of only the last %d passwords (less than 24)", [pp.password_reuse_prevention])
}
