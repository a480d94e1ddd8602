# METADATA
# title: IAM password policy does not require uppercase, lowercase, numbers and symbols
# description: >-
#   The account password policy lets console passwords leave out a character class (uppercase
#   letters, lowercase letters, numbers, symbols), which shrinks the space an attacker has to
#   guess. CIS AWS Foundations 1.2 (1.5-1.8) required each class; later versions keep only length
#   and reuse, so the rule maps to no CIS 3.0/5.0/7.0 control. An account without a password policy
#   requires none.
# custom:
#   id: AWS-IAM-018
#   severity: low
#   kinds: [aws.account]
#   reads: [password_policy]
#   remediation: Set require_uppercase_characters, require_lowercase_characters, require_numbers and require_symbols to true in aws_iam_account_password_policy (or with aws iam update-account-password-policy).
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html]
#   compliance:
#     pci-dss-4.0: ["8.3.6"]
#     nist-800-53-r5: ["IA-5(1)"]
package vigil.rules.aws.iam.password_complexity

classes := [
	["require_uppercase", "uppercase letters"],
	["require_lowercase", "lowercase letters"],
	["require_numbers", "numbers"],
	["require_symbols", "symbols"],
]

deny contains {"msg": msg, "path": sprintf("password_policy.%s", [field])} if {
	pp := input.attributes.password_policy
	pp != null
	some [field, what] in classes
	not pp[field]
	msg := sprintf("password policy does not require %s", [what])
}
