# METADATA
# title: "CloudWatch log group is not encrypted with a KMS key"
# description: "Log groups without a KMS key cannot restrict who decrypts the logs through a key policy."
# custom:
#   id: AWS-LOGS-001
#   severity: low
#   kinds: [aws.logs.log_group]
#   remediation: "Set kms_key_id on the log group to a customer managed key whose policy allows the logs service principal."
#   references: [https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html]
#   compliance:
#     nist-800-53-r5: ["AU-9", "SC-28"]
package vigil.rules.aws.logs.log_group_not_kms_encrypted

deny contains {"msg": sprintf("CloudWatch log group %s is not encrypted with a KMS key", [object.get(input, "name", input.id)]), "path": "kms_key_id"} if {
	input.attributes.kms_key_id == ""
}
