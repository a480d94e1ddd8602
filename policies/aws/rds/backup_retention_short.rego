# METADATA
# title: "RDS backup retention is shorter than 7 days"
# description: "A short automated-backup retention leaves little time to notice corruption, ransomware or accidental deletion and restore from a good point in time."
# custom:
#   id: AWS-RDS-003
#   severity: medium
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: "Set backup_retention_period to at least 7 (days) on the instance or cluster."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html]
#   compliance:
#     nist-800-53-r5: ["CP-9"]
package vigil.rules.aws.rds.backup_retention_short

deny contains {"msg": sprintf("%s keeps automated backups for %d day(s), fewer than 7", [object.get(input, "name", input.id), a.backup_retention_period]), "path": "backup_retention_period"} if {
	a := input.attributes
	standalone
	a.backup_retention_period < 7
}

# Backups of Aurora instances are a cluster setting.
standalone if input.kind == "aws.rds.cluster"

standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}
