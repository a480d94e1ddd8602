# METADATA
# title: Root user has no MFA device
# description: The root user can do anything in the account, including closing it and changing its billing and support settings; a password alone is one phishing message away from all of it.
# custom:
#   id: AWS-IAM-012
#   severity: critical
#   kinds: [aws.account]
#   remediation: Sign in as the root user and assign an MFA device (a hardware key for production accounts), then lock the root credentials away.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html]
#   compliance:
#     cis-aws-3.0: ["1.5"]
#     cis-aws-5.0: ["1.4"]
#     cis-aws-7.0: ["2.5"]
#     nist-800-53-r5: ["IA-2(1)"]
package vigil.rules.aws.iam.root_mfa

deny contains {"msg": msg, "path": "root_mfa_enabled"} if {
	input.attributes.root_mfa_enabled == false
	msg := sprintf("the root user of account %s has no MFA device", [input.account])
}
