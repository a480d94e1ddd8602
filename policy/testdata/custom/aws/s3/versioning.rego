# METADATA
# title: Test rule - versioning off
# custom:
#   id: TEST-S3-001
#   severity: medium
#   kinds: [aws.s3.bucket]
#   remediation: Turn versioning on.
#   compliance:
#     nist-800-53-r5: ["CP-9"]
package vigil.rules.test.s3.versioning

deny contains {"msg": sprintf("bucket %s has versioning off", [input.attributes.name]), "path": "versioning.enabled"} if {
	not input.attributes.versioning.enabled
}
