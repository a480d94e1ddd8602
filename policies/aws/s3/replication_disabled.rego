# METADATA
# title: S3 bucket does not replicate its objects
# description: >-
#   Without an enabled replication rule, a bucket's objects exist in one place: a regional outage,
#   a deletion, or an attacker with access to the bucket can make them unavailable. Replication to
#   another Region (or account) keeps a copy that the source bucket's failures and permissions do
#   not reach. Whether the destination lies in another Region is not checked.
# custom:
#   id: AWS-S3-023
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Enable versioning and add an enabled replication rule to a bucket in another Region (aws_s3_bucket_replication_configuration; ReplicationConfiguration) for data that must survive the loss of this one.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html, https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-7]
#   compliance:
#     aws-fsbp: ["S3.7"]
#     nist-800-53-r5: ["CP-6", "CP-9"]
package vigil.rules.aws.s3.replication_disabled

deny contains {"msg": msg, "path": "replication_rules"} if {
	input.attributes.replication_rules == 0
	msg := sprintf("bucket %s has no enabled replication rule", [input.name])
}
