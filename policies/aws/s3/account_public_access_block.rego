# METADATA
# title: Account-level S3 public access block is not fully enabled
# description: The account-wide Block Public Access settings are the backstop that keeps any bucket, present or future, from becoming public; one of them is off.
# custom:
#   id: AWS-S3-010
#   severity: high
#   kinds: [aws.account]
#   reads: [s3_public_access_block]
#   remediation: Add aws_s3_account_public_access_block with all four settings true.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html]
#   compliance:
#     cis-aws-3.0: ["2.1.4"]
#     cis-aws-5.0: ["2.1.4"]
#     cis-aws-7.0: ["3.1.4"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.s3.account_public_access_block

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

# A null block means "not known" (not collected or not declared): no finding.
deny contains {"msg": msg, "path": "s3_public_access_block"} if {
	pab := input.attributes.s3_public_access_block
	pab != null
	disabled := [s | some s in settings; pab[s] != true]
	count(disabled) > 0
	msg := sprintf("account-level S3 public access block has %s disabled", [concat(", ", disabled)])
}
