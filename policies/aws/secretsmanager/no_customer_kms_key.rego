# METADATA
# title: "Secrets Manager secret uses the AWS managed key"
# description: "Secrets encrypted with aws/secretsmanager can be decrypted by every principal in the account allowed to read the secret; a customer key adds a second, separately governed policy and enables cross-account sharing."
# custom:
#   id: AWS-SM-002
#   severity: low
#   kinds: [aws.secretsmanager.secret]
#   remediation: "Set kms_key_id to a customer managed KMS key."
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-12"]
package vigil.rules.aws.secretsmanager.no_customer_kms_key

deny contains {"msg": sprintf("Secrets Manager secret %s is encrypted with the AWS managed key", [object.get(input, "name", input.id)]), "path": "kms_key_id"} if {
	k := input.attributes.kms_key_id
	aws_managed(k)
}

aws_managed(k) if k == ""

aws_managed(k) if endswith(k, "alias/aws/secretsmanager")
