# METADATA
# title: S3 bucket public access block is not fully enabled
# description: Without all four bucket-level Block Public Access settings, a later ACL or policy change can make the bucket public.
# custom:
#   id: AWS-S3-003
#   severity: medium
#   kinds: [aws.s3.bucket]
#   remediation: Add aws_s3_bucket_public_access_block with block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets all true.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     cis-aws-5.0: ["2.1.4"]
#     cis-aws-7.0: ["3.1.4"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.s3.public_access_block

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains {"msg": msg, "path": "public_access_block"} if {
	input.attributes.public_access_block == null
	msg := sprintf("bucket %s has no public access block", [input.name])
}

deny contains {"msg": msg, "path": "public_access_block"} if {
	pab := input.attributes.public_access_block
	pab != null
	disabled := [s | some s in settings; pab[s] != true]
	count(disabled) > 0
	msg := sprintf("bucket %s public access block has %s disabled", [input.name, concat(", ", disabled)])
}
