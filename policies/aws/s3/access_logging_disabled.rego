# METADATA
# title: S3 bucket server access logging is disabled
# description: Without server access logs there is no record of the requests made to the bucket, which hampers investigation of data access.
# custom:
#   id: AWS-S3-007
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Add aws_s3_bucket_logging with a target_bucket that is not the bucket itself.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html]
#   compliance:
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.s3.access_logging_disabled

deny contains {"msg": msg, "path": "logging.enabled"} if {
	input.attributes.logging.enabled == false
	msg := sprintf("bucket %s has server access logging disabled", [input.name])
}
