# METADATA
# title: "Neptune backup retention is shorter than 7 days"
# description: "A short backup retention leaves little time to notice corruption or accidental deletion and restore from a good point in time."
# custom:
#   id: AWS-NEPTUNE-002
#   severity: medium
#   kinds: [aws.neptune.cluster]
#   remediation: "Set backup_retention_period to at least 7 (days)."
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html]
#   compliance:
#     aws-fsbp: ["Neptune.5"]
#     nist-800-53-r5: ["CP-9"]
package vigil.rules.aws.neptune.backup_retention_short

deny contains {"msg": sprintf("Neptune cluster %s keeps automated backups for %d day(s), fewer than 7", [object.get(input, "name", input.id), input.attributes.backup_retention_period]), "path": "backup_retention_period"} if {
	input.attributes.backup_retention_period < 7
}
