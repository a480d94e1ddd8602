# METADATA
# title: RDS DB cluster snapshot is not encrypted
# description: >-
#   An unencrypted DB cluster snapshot keeps the cluster's data in the clear at rest, and every
#   copy or share of it does too; a cluster restored from it starts unencrypted.
# custom:
#   id: AWS-RDS-028
#   severity: medium
#   kinds: [aws.rds.cluster_snapshot]
#   remediation: >-
#     Copy the snapshot with a KMS key (aws rds copy-db-cluster-snapshot --kms-key-id ...), delete
#     the unencrypted one, and restore an encrypted cluster from the copy so new snapshots are encrypted.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4]
#   compliance:
#     aws-fsbp: ["RDS.4"]
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.rds.cluster_snapshot_not_encrypted

deny contains {"msg": sprintf("DB cluster snapshot %s is not encrypted", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	input.attributes.encrypted == false
}
