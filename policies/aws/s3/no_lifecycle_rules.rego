# METADATA
# title: S3 bucket has no lifecycle rules
# description: >-
#   Without an enabled lifecycle rule, objects, noncurrent versions and incomplete multipart uploads
#   are kept forever: data outlives its retention period (and any obligation to delete it), and costs
#   grow unbounded.
# custom:
#   id: AWS-S3-022
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Add an enabled lifecycle rule (aws_s3_bucket_lifecycle_configuration; LifecycleConfiguration) that expires or transitions objects and noncurrent versions as the data's retention requires.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html, https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13]
#   compliance:
#     aws-fsbp: ["S3.13"]
#     nist-800-53-r5: ["SI-12"]
package vigil.rules.aws.s3.no_lifecycle_rules

deny contains {"msg": msg, "path": "lifecycle_rules"} if {
	input.attributes.lifecycle_rules == 0
	msg := sprintf("bucket %s has no enabled lifecycle rule", [input.name])
}
