# METADATA
# title: "ElastiCache replication group has automatic failover off"
# description: >-
#   Without automatic failover a failed primary node is not replaced by a replica: writes stop until the node is recovered by hand, and a single-node group has no replica to fail over to at all.
# custom:
#   id: AWS-ELASTICACHE-021
#   severity: medium
#   kinds: [aws.elasticache.replication_group]
#   remediation: >-
#     Run at least one replica and set automatic_failover_enabled = true (AutomaticFailoverEnabled: true), ideally with Multi-AZ.
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3]
#   compliance:
#     aws-fsbp: ["ElastiCache.3"]
#     nist-800-53-r5: ["CP-10", "SC-5", "SC-36"]
package vigil.rules.aws.elasticache.automatic_failover_disabled

deny contains {"msg": sprintf("ElastiCache replication group %s has automatic failover off", [object.get(input, "name", input.id)]), "path": "automatic_failover"} if {
	input.attributes.automatic_failover == false
}
