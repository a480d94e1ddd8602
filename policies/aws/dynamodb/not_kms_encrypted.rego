# METADATA
# title: "DynamoDB table is not encrypted with a KMS key"
# description: "Tables encrypted with the AWS owned key give no key policy, no CloudTrail record of key use and no way to revoke access through the key."
# custom:
#   id: AWS-DDB-002
#   severity: low
#   kinds: [aws.dynamodb.table]
#   remediation: "Add server_side_encryption { enabled = true } (AWS managed key), ideally with kms_key_arn set to a customer managed key."
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.dynamodb.not_kms_encrypted

deny contains {"msg": sprintf("DynamoDB table %s is encrypted only with the AWS owned key", [object.get(input, "name", input.id)]), "path": "sse_enabled"} if {
	not input.attributes.sse_enabled
}
