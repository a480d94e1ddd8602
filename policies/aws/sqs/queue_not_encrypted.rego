# METADATA
# title: "SQS queue is not encrypted"
# description: "Messages in a queue with neither SSE-KMS nor SSE-SQS are stored unencrypted."
# custom:
#   id: AWS-SQS-001
#   severity: medium
#   kinds: [aws.sqs.queue]
#   remediation: "Set kms_master_key_id, or sqs_managed_sse_enabled = true (the default for new queues)."
#   references: [https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.sqs.queue_not_encrypted

deny contains {"msg": sprintf("SQS queue %s has neither KMS nor SQS-managed server-side encryption", [object.get(input, "name", input.id)]), "path": "sqs_managed_sse_enabled"} if {
	a := input.attributes
	a.kms_master_key_id == ""
	not a.sqs_managed_sse_enabled
}
