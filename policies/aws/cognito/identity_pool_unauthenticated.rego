# METADATA
# title: "Cognito identity pool gives AWS credentials to unauthenticated guests"
# description: "An identity pool with guest access hands temporary AWS credentials, for its unauthenticated role, to anyone who asks, with no sign-in; whatever that role may do, the internet may do (AWS Security Hub Cognito.2)."
# custom:
#   id: AWS-COGNITO-005
#   severity: medium
#   kinds: [aws.cognito.identity_pool]
#   remediation: "Set allow_unauthenticated_identities = false, or keep guest access only with an unauthenticated role limited to what anonymous users must do."
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html]
#   compliance:
#     aws-fsbp: ["Cognito.2"]
#     nist-800-53-r5: ["AC-3", "AC-14", "IA-2"]
package vigil.rules.aws.cognito.identity_pool_unauthenticated

deny contains {"msg": sprintf("Cognito identity pool %s allows unauthenticated identities", [object.get(input, "name", input.id)]), "path": "allow_unauthenticated_identities"} if {
	input.attributes.allow_unauthenticated_identities
}
