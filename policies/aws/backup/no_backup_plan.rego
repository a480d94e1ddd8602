# METADATA
# title: "No AWS Backup plan in the account"
# description: >-
#   The account has no AWS Backup plan in any region scanned, so nothing is backed up on a schedule
#   through AWS Backup. The rule looks at every backup plan of the account in the inventory, so it
#   judges only sources that read a whole account (a live scan, a snapshot); an IaC configuration
#   declares only part of an account, and gets no verdict. No verdict either when the plans of a region
#   could not be listed, or when AWS Backup was not collected.
# custom:
#   id: AWS-BACKUP-005
#   severity: low
#   kinds: [aws.account]
#   remediation: "Create a backup plan (AWS Backup console, aws_backup_plan with an aws_backup_selection) that covers the account's data stores, or manage backups centrally with an AWS Organizations backup policy."
#   references: [https://docs.aws.amazon.com/aws-backup/latest/devguide/about-backup-plans.html]
#   compliance:
#     nist-800-53-r5: ["CP-9"]
package vigil.rules.aws.backup.no_backup_plan

whole_account := {"live", "snapshot"}

plan_present if {
	some plan in data.inventory.accounts[input.account].kinds["aws.backup.plan"]
	plan.id
}

deny contains {"msg": msg, "path": ""} if {
	whole_account[input.source]
	not plan_present
	msg := sprintf("account %s has no AWS Backup plan", [input.account])
}

deny contains {"msg": "an IaC configuration declares only part of an account", "unknown": true} if {
	not whole_account[input.source]
}
