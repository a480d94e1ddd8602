# METADATA
# title: "Kinesis data stream is not encrypted at rest"
# description: "Without server-side encryption the records of a stream are stored in Kinesis unencrypted under a key you control; KMS encryption protects them at rest and lets key policies and CloudTrail govern who reads them."
# custom:
#   id: AWS-KINESIS-001
#   severity: medium
#   kinds: [aws.kinesis.stream]
#   remediation: "Enable server-side encryption with a KMS key: encryption_type = \"KMS\" and kms_key_id in Terraform, StreamEncryption in CloudFormation, or StartStreamEncryption."
#   references: [https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html, https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html]
#   compliance:
#     aws-fsbp: ["Kinesis.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.kinesis.stream_unencrypted

deny contains {"msg": sprintf("Kinesis stream %s is not encrypted at rest (%s)", [object.get(input, "name", input.id), input.attributes.encryption_type]), "path": "encryption_type"} if {
	input.attributes.encryption_type != "KMS"
}
