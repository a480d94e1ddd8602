# METADATA
# title: IAM password policy allows passwords shorter than 14 characters
# description: Short console passwords are easier to guess or crack.
# custom:
#   id: AWS-IAM-008
#   severity: medium
#   kinds: [aws.account]
#   reads: [password_policy]
#   remediation: Set aws_iam_account_password_policy minimum_password_length = 14 or more.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html]
#   compliance:
#     cis-aws-3.0: ["1.8"]
#     cis-aws-5.0: ["1.7"]
#     cis-aws-7.0: ["2.8"]
#     pci-dss-4.0: ["8.3.6"]
#     nist-800-53-r5: ["IA-5"]
package vigil.rules.aws.iam.password_min_length

deny contains {"msg": msg, "path": "password_policy.minimum_length"} if {
	pp := input.attributes.password_policy
	pp != null
	pp.minimum_length < 14
	msg := sprintf("password policy minimum length is %d (less than 14)", [pp.minimum_length])
}
