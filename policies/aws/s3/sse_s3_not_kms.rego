# METADATA
# title: S3 bucket is encrypted with S3-managed keys rather than KMS
# description: "SSE-S3 (AES256) keys are managed by S3: access to the data cannot be restricted or audited through a key policy, and the key cannot be disabled."
# custom:
#   id: AWS-S3-005
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Set sse_algorithm = "aws:kms" with kms_master_key_id of a customer managed key (and bucket_key_enabled = true to limit KMS cost).
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html]
#   compliance:
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.s3.sse_s3_not_kms

deny contains {"msg": msg, "path": "encryption.algorithm"} if {
	input.attributes.encryption.enabled == true
	input.attributes.encryption.algorithm == "AES256"
	msg := sprintf("bucket %s is encrypted with SSE-S3 (AES256), not a KMS key", [input.name])
}
