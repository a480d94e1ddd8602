# METADATA
# title: "ElastiCache replication group does not take minor version upgrades"
# description: >-
#   With automatic minor version upgrades off the engine keeps a minor version after ElastiCache releases one with security fixes, until someone upgrades it by hand.
# custom:
#   id: AWS-ELASTICACHE-022
#   severity: low
#   kinds: [aws.elasticache.replication_group]
#   remediation: >-
#     Set auto_minor_version_upgrade = true (AutoMinorVersionUpgrade: true, the default).
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2]
#   compliance:
#     aws-fsbp: ["ElastiCache.2"]
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
package vigil.rules.aws.elasticache.auto_minor_version_upgrade_disabled

deny contains {"msg": sprintf("ElastiCache replication group %s does not take minor version upgrades automatically", [object.get(input, "name", input.id)]), "path": "auto_minor_version_upgrade"} if {
	input.attributes.auto_minor_version_upgrade == false
}
