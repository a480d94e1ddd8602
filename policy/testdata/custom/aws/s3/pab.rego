# METADATA
# title: Test rule - public access block
# custom:
#   id: TEST-S3-002
#   severity: high
#   kinds: [aws.s3.bucket]
package vigil.rules.test.s3.pab

deny contains {"msg": "block_public_policy is off", "path": "public_access_block.block_public_policy"} if {
	not input.attributes.public_access_block.block_public_policy
}

deny contains "bucket name is empty" if input.attributes.name == ""
