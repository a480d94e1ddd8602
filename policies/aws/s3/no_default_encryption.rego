# METADATA
# title: S3 bucket has no default encryption configuration
# description: No default encryption is configured for the bucket, so the encryption of new objects depends on the account default rather than on a declared choice.
# custom:
#   id: AWS-S3-004
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Add aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and a customer managed key.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.s3.no_default_encryption

deny contains {"msg": msg, "path": "encryption.enabled"} if {
	input.attributes.encryption.enabled == false
	msg := sprintf("bucket %s has no default encryption configuration", [input.name])
}
