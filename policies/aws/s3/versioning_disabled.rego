# METADATA
# title: S3 bucket versioning is disabled
# description: Without versioning, an overwritten or deleted object cannot be recovered, whether by mistake or by ransomware.
# custom:
#   id: AWS-S3-006
#   severity: medium
#   kinds: [aws.s3.bucket]
#   remediation: Add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" }.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html]
#   compliance:
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.s3.versioning_disabled

deny contains {"msg": msg, "path": "versioning.enabled"} if {
	input.attributes.versioning.enabled == false
	msg := sprintf("bucket %s has versioning disabled", [input.name])
}
