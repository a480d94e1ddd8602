# METADATA
# title: "Cognito user pool does not enforce threat protection"
# description: "Threat protection (advanced security) scores each sign-in for risk and blocks compromised credentials and suspicious sign-ins; OFF does nothing and AUDIT only records metrics. The check follows AWS Security Hub Cognito.1: full-function ENFORCED mode for standard authentication. Threat protection needs the Plus feature plan."
# custom:
#   id: AWS-COGNITO-002
#   severity: medium
#   kinds: [aws.cognito.user_pool]
#   remediation: "Move the pool to the Plus feature plan and set user_pool_add_ons advanced_security_mode = ENFORCED."
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html]
#   compliance:
#     aws-fsbp: ["Cognito.1"]
#     nist-800-53-r5: ["AC-7", "SI-4"]
package vigil.rules.aws.cognito.user_pool_threat_protection

deny contains {"msg": sprintf("Cognito user pool %s has threat protection in %s mode, not ENFORCED", [object.get(input, "name", input.id), input.attributes.advanced_security_mode]), "path": "advanced_security_mode"} if {
	input.attributes.advanced_security_mode != "ENFORCED"
}
