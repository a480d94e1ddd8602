# METADATA
# title: "Firehose delivery stream is not encrypted at rest"
# description: "A DirectPut delivery stream without server-side encryption buffers the records it receives unencrypted under a key you control. Streams reading from a Kinesis data stream or MSK take their encryption at rest from the source (AWS-KINESIS-001 judges Kinesis)."
# custom:
#   id: AWS-FIREHOSE-001
#   severity: medium
#   kinds: [aws.firehose.delivery_stream]
#   remediation: "Enable server-side encryption: server_side_encryption { enabled = true key_type = \"CUSTOMER_MANAGED_CMK\" key_arn = ... } in Terraform, DeliveryStreamEncryptionConfigurationInput in CloudFormation, or StartDeliveryStreamEncryption."
#   references: [https://docs.aws.amazon.com/firehose/latest/dev/encryption.html, https://docs.aws.amazon.com/securityhub/latest/userguide/datafirehose-controls.html]
#   compliance:
#     aws-fsbp: ["DataFirehose.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.firehose.stream_unencrypted

deny contains {"msg": sprintf("Firehose delivery stream %s is not encrypted at rest (%s)", [object.get(input, "name", input.id), input.attributes.encryption_status]), "path": "encryption_status"} if {
	input.attributes.delivery_stream_type == "DirectPut"
	input.attributes.encryption_status != "ENABLED"
}
