# METADATA
# title: "Backup plan keeps recovery points less than 35 days"
# description: "A backup rule whose lifecycle deletes recovery points after fewer than 35 days leaves no clean restore point when corruption or an intrusion is found late; 35 days is the default minimum of AWS Config's backup-plan-min-frequency-and-min-retention-check. Rules without a deletion keep their recovery points until deleted by hand and pass."
# custom:
#   id: AWS-BACKUP-006
#   severity: low
#   kinds: [aws.backup.plan]
#   remediation: "Raise the rule's lifecycle delete_after (DeleteAfterDays) to at least 35 days, or keep a longer-lived copy (a copy action to another vault)."
#   references: [https://docs.aws.amazon.com/config/latest/developerguide/backup-plan-min-frequency-and-min-retention-check.html, https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html]
#   compliance:
#     nist-800-53-r5: ["CP-9", "CP-10"]
package vigil.rules.aws.backup.plan_short_retention

min_days := 35

deny contains {"msg": sprintf("Backup plan %s rule %d deletes recovery points after %d days", [object.get(input, "name", input.id), i, d]), "path": sprintf("retention_days[%d]", [i])} if {
	some i, d in input.attributes.retention_days
	d > 0
	d < min_days
}
