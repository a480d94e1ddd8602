# METADATA
# title: "RDS cluster storage is not encrypted"
# description: "An unencrypted Aurora or Multi-AZ cluster stores data, backups and snapshots in plaintext."
# custom:
#   id: AWS-RDS-007
#   severity: high
#   kinds: [aws.rds.cluster]
#   remediation: "Create the cluster with storage_encrypted = true (optionally kms_key_id); existing clusters must be restored from an encrypted snapshot."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.rds.cluster_storage_not_encrypted

deny contains {"msg": sprintf("RDS cluster %s does not encrypt its storage", [object.get(input, "name", input.id)]), "path": "storage_encrypted"} if {
	not input.attributes.storage_encrypted
}
