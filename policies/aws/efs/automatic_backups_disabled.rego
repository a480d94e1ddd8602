# METADATA
# title: "EFS file system has automatic backups turned off"
# description: >-
#   With automatic backups off the file system is in no backup unless a Backup plan of your own selects it; files deleted, overwritten or encrypted by ransomware cannot be restored.
# custom:
#   id: AWS-EFS-020
#   severity: low
#   kinds: [aws.efs.file_system]
#   remediation: >-
#     Turn on automatic backups (aws_efs_backup_policy with status ENABLED; BackupPolicy Status: ENABLED), or select the file system in an AWS Backup plan and suppress this finding for it.
#   references: [https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html#automatic-backups, https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-2]
#   compliance:
#     nist-800-53-r5: ["CP-9", "CP-10"]
package vigil.rules.aws.efs.automatic_backups_disabled

deny contains {"msg": sprintf("EFS file system %s has automatic backups turned off", [object.get(input, "name", input.id)]), "path": "automatic_backups"} if {
	input.attributes.automatic_backups == false
}
