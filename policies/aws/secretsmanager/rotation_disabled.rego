# METADATA
# title: "Secrets Manager secret does not rotate"
# description: "A secret that never rotates stays valid forever once leaked."
# custom:
#   id: AWS-SM-001
#   severity: medium
#   kinds: [aws.secretsmanager.secret]
#   remediation: "Add an aws_secretsmanager_secret_rotation with a rotation Lambda and a rotation_rules schedule."
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html]
#   compliance:
#     nist-800-53-r5: ["IA-5"]
package vigil.rules.aws.secretsmanager.rotation_disabled

deny contains {"msg": sprintf("Secrets Manager secret %s has no automatic rotation", [object.get(input, "name", input.id)]), "path": "rotation_enabled"} if {
	not input.attributes.rotation_enabled
}
