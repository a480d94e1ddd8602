# METADATA
# title: S3 bucket still uses ACLs
# description: >-
#   Unless object ownership is BucketOwnerEnforced, access control lists grant access to the bucket
#   and to each object beside its policy, objects other accounts upload stay theirs, and a single
#   ACL can expose an object. AWS recommends disabling ACLs and controlling access with policies
#   alone; new buckets have them disabled since April 2023.
# custom:
#   id: AWS-S3-020
#   severity: medium
#   kinds: [aws.s3.bucket]
#   remediation: Set object ownership to BucketOwnerEnforced (aws_s3_bucket_ownership_controls rule { object_ownership = "BucketOwnerEnforced" }; OwnershipControls) after moving any access ACLs grant into the bucket policy.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html, https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12]
#   compliance:
#     aws-fsbp: ["S3.12"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.s3.acls_enabled

deny contains {"msg": msg, "path": "object_ownership"} if {
	input.attributes.object_ownership != "BucketOwnerEnforced"
	msg := sprintf("bucket %s has ACLs enabled (object ownership %s)", [input.name, input.attributes.object_ownership])
}
