# METADATA
# title: RDS DB cluster snapshot is public
# description: >-
#   A manual DB cluster snapshot (Aurora, Multi-AZ DB cluster) whose restore attribute names
#   "all" can be copied or restored into any AWS account: whoever restores it reads every row of
#   the cluster it was taken from.
# custom:
#   id: AWS-RDS-027
#   severity: critical
#   kinds: [aws.rds.cluster_snapshot]
#   remediation: >-
#     Remove "all" from the snapshot's restore attribute (aws rds modify-db-cluster-snapshot-attribute
#     --attribute-name restore --values-to-remove all) and share it with named accounts only.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-share-snapshot.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1]
#   compliance:
#     aws-fsbp: ["RDS.1"]
#     nist-800-53-r5: ["AC-3", "AC-21", "SC-7"]
#     pci-dss-4.0: ["1.4.4", "7.2.1"]
package vigil.rules.aws.rds.cluster_snapshot_public

deny contains {"msg": sprintf("DB cluster snapshot %s can be restored by every AWS account", [object.get(input, "name", input.id)]), "path": "public"} if {
	input.attributes.public == true
}
