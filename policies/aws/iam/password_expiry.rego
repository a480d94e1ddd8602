# METADATA
# title: IAM password policy does not expire passwords within 90 days
# description: >-
#   The account password policy lets console passwords live longer than 90 days, or for ever (no
#   maximum age), so a leaked password stays valid. CIS AWS Foundations 1.2 (1.11) required expiry
#   within 90 days; later versions dropped it (NIST SP 800-63B advises against forced periodic
#   change when MFA and breach checks are used), so the rule maps to no CIS 3.0/5.0/7.0 control.
#   PCI DSS 4.0 8.3.9 still asks for it where a password is the only factor.
# custom:
#   id: AWS-IAM-019
#   severity: low
#   kinds: [aws.account]
#   reads: [password_policy]
#   remediation: Set max_password_age to 90 or less in aws_iam_account_password_policy, or enforce MFA for every console user (AWS-IAM-014) and disable this rule by id.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html]
#   compliance:
#     pci-dss-4.0: ["8.3.9"]
#     nist-800-53-r5: ["IA-5(1)"]
package vigil.rules.aws.iam.password_expiry

deny contains {"msg": "password policy never expires passwords", "path": "password_policy.max_password_age"} if {
	pp := input.attributes.password_policy
	pp != null
	pp.max_password_age == 0
}

deny contains {"msg": msg, "path": "password_policy.max_password_age"} if {
	pp := input.attributes.password_policy
	pp != null
	pp.max_password_age > 90
	msg := sprintf("password policy lets passwords live %d days (more than 90)", [pp.max_password_age])
}
