# METADATA
# title: S3 bucket does not have Object Lock enabled
# description: >-
#   Object Lock keeps object versions from being deleted or overwritten for a retention period or
#   under a legal hold (write once, read many). Without it, anyone allowed to delete versions (or
#   ransomware holding such credentials) can destroy the data. Object Lock is set when a bucket is
#   created, or turned on later for a versioned bucket.
# custom:
#   id: AWS-S3-021
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Enable Object Lock (object_lock_enabled = true on aws_s3_bucket, or aws_s3_bucket_object_lock_configuration; ObjectLockEnabled) with a default retention that fits the data.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html, https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-15]
#   compliance:
#     aws-fsbp: ["S3.15"]
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.s3.object_lock_disabled

deny contains {"msg": msg, "path": "object_lock_enabled"} if {
	input.attributes.object_lock_enabled == false
	msg := sprintf("bucket %s does not have Object Lock enabled", [input.name])
}
