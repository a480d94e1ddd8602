# METADATA
# title: "Cognito user pool has multi-factor authentication turned off"
# description: "With MFA off, a user pool's users sign in with a password alone, so a guessed, phished or reused password is enough to take over an account. ON requires a second factor of every user; OPTIONAL lets each user turn it on, and passes."
# custom:
#   id: AWS-COGNITO-001
#   severity: medium
#   kinds: [aws.cognito.user_pool]
#   remediation: "Set mfa_configuration to ON (or OPTIONAL while users enrol) with software token (TOTP) MFA enabled."
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html]
#   compliance:
#     nist-800-53-r5: ["IA-2(1)", "IA-2(2)"]
#     pci-dss-4.0: ["8.4.2"]
package vigil.rules.aws.cognito.user_pool_mfa_off

deny contains {"msg": sprintf("Cognito user pool %s has MFA turned off", [object.get(input, "name", input.id)]), "path": "mfa_configuration"} if {
	input.attributes.mfa_configuration == "OFF"
}
