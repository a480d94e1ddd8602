# METADATA
# title: IAM user with a console password has no MFA
# description: A console password without a second factor lets anyone who learns it sign in; MFA is required for every user that can sign in to the console.
# custom:
#   id: AWS-IAM-014
#   severity: high
#   kinds: [aws.iam.user]
#   remediation: Assign an MFA device to the user (or remove the console password if the user does not sign in), and enforce MFA with a policy that denies actions without aws:MultiFactorAuthPresent.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html]
#   compliance:
#     cis-aws-3.0: ["1.10"]
#     cis-aws-5.0: ["1.9"]
#     cis-aws-7.0: ["2.10"]
#     pci-dss-4.0: ["8.4.2"]
#     nist-800-53-r5: ["IA-2(1)", "IA-2(2)"]
package vigil.rules.aws.iam.console_user_mfa

deny contains {"msg": msg, "path": "mfa_enabled"} if {
	input.attributes.login_profile == true
	input.attributes.mfa_enabled == false
	msg := sprintf("user %s can sign in to the console with a password and has no MFA device", [input.name])
}
