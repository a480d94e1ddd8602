# METADATA
# title: "Backup vault holds unencrypted recovery points"
# description: "Recovery points of resources whose backups AWS Backup does not encrypt on its own (those taken from unencrypted sources of services without full AWS Backup management) stay unencrypted at rest. Judged on a live scan: IaC declares no recovery points."
# custom:
#   id: AWS-BACKUP-004
#   severity: medium
#   kinds: [aws.backup.vault]
#   remediation: "Encrypt the source resource and take new backups, or enable AWS Backup's full management of the resource type so its backups are encrypted with the vault's key; then delete the unencrypted recovery points."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/backup-controls.html, https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html]
#   compliance:
#     aws-fsbp: ["Backup.1"]
#     nist-800-53-r5: ["SC-28", "CP-9(8)"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.backup.recovery_points_unencrypted

deny contains {"msg": sprintf("Backup vault %s holds %d unencrypted recovery points", [object.get(input, "name", input.id), input.attributes.unencrypted_recovery_points]), "path": "unencrypted_recovery_points"} if {
	input.attributes.unencrypted_recovery_points > 0
}
