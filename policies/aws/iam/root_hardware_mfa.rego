# METADATA
# title: Root user's MFA is not a hardware device
# description: A virtual MFA device lives on a phone or laptop that is lost, backed up to a cloud account or shared; CIS asks that the most powerful identity of the account use a hardware device (a FIDO2 security key or a hardware TOTP token) that is locked away with the root credentials.
# custom:
#   id: AWS-IAM-026
#   severity: medium
#   kinds: [aws.account]
#   remediation: Sign in as the root user, register a FIDO2 security key or hardware TOTP token under Security credentials, then remove the virtual device. Keep the device in a safe with the root password.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html]
#   compliance:
#     cis-aws-3.0: ["1.6"]
#     cis-aws-5.0: ["1.5"]
#     cis-aws-7.0: ["2.6"]
#     nist-800-53-r5: ["IA-2(1)", "IA-2(6)"]
package vigil.rules.aws.iam.root_hardware_mfa

deny contains {"msg": msg, "path": "root_virtual_mfa"} if {
	input.attributes.root_mfa_enabled == true
	input.attributes.root_virtual_mfa == true
	msg := sprintf("the root user of account %s signs in with a virtual MFA device, not a hardware one", [input.account])
}

deny contains {"msg": msg, "path": "root_mfa_enabled"} if {
	input.attributes.root_mfa_enabled == false
	input.attributes.root_virtual_mfa == false
	msg := sprintf("the root user of account %s has no MFA device at all, hardware or virtual", [input.account])
}
