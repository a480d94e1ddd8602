# METADATA
# title: "Backup vault has no vault lock"
# description: "Without AWS Backup Vault Lock, a principal with enough permissions (or an attacker holding them) can delete recovery points or shorten their retention. A lock in compliance mode makes the retention write-once-read-many, even for the root user."
# custom:
#   id: AWS-BACKUP-003
#   severity: low
#   kinds: [aws.backup.vault]
#   remediation: "Add a vault lock configuration (aws_backup_vault_lock_configuration / LockConfiguration) with minimum and maximum retention days; set changeable_for_days for compliance mode once tested."
#   references: [https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html]
#   compliance:
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.backup.vault_not_locked

deny contains {"msg": sprintf("Backup vault %s has no vault lock", [object.get(input, "name", input.id)]), "path": "locked"} if {
	input.attributes.locked == false
}
