# METADATA
# title: "Cognito user pool has no deletion protection"
# description: "A user pool holds every user's account; deleting it, by mistake or by an intruder, removes all of them with no way back. Deletion protection makes a delete fail until the protection is turned off first. The API creates pools without it."
# custom:
#   id: AWS-COGNITO-004
#   severity: low
#   kinds: [aws.cognito.user_pool]
#   remediation: "Set deletion_protection = ACTIVE."
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html]
#   compliance:
#     nist-800-53-r5: ["CP-9", "SC-5"]
package vigil.rules.aws.cognito.user_pool_deletion_protection

deny contains {"msg": sprintf("Cognito user pool %s has no deletion protection", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	not input.attributes.deletion_protection
}
