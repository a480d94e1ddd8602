# METADATA
# title: S3 buckets must name their owning team
# description: Every bucket needs a team tag, so that someone answers for what it holds.
# custom:
#   id: ACME-S3-001
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Add a team tag naming the team that owns the bucket.
#   compliance:
#     soc2: ["CC6.1"]
package acme.s3.team

deny contains {"msg": sprintf("bucket %s has no team tag", [input.attributes.name]), "path": "name"} if not input.tags.team
