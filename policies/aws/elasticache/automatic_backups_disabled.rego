# METADATA
# title: "ElastiCache replication group has no automatic backups"
# description: >-
#   With a snapshot retention of 0 ElastiCache takes no daily snapshot, so data lost to a failure of every node, a FLUSHALL by mistake or an attacker cannot be restored.
# custom:
#   id: AWS-ELASTICACHE-020
#   severity: medium
#   kinds: [aws.elasticache.replication_group]
#   remediation: >-
#     Set snapshot_retention_limit (SnapshotRetentionLimit) to 1 or more days, with a snapshot window outside peak hours.
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1]
#   compliance:
#     aws-fsbp: ["ElastiCache.1"]
#     nist-800-53-r5: ["CP-9", "CP-10"]
package vigil.rules.aws.elasticache.automatic_backups_disabled

deny contains {"msg": sprintf("ElastiCache replication group %s takes no automatic backups (snapshot retention 0)", [object.get(input, "name", input.id)]), "path": "snapshot_retention_limit"} if {
	input.attributes.snapshot_retention_limit < 1
}
