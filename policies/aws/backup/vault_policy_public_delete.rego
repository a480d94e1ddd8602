# METADATA
# title: "Backup vault access policy lets any principal delete backups"
# description: "A vault access policy that allows backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle or backup:DeleteBackupVault to every principal, without a condition naming who, lets anyone the policy reaches destroy the backups a ransomware recovery depends on."
# custom:
#   id: AWS-BACKUP-002
#   severity: high
#   kinds: [aws.backup.vault]
#   remediation: "Remove the statement, or restrict its Principal to the backup administrators; add a Deny on backup:DeleteRecoveryPoint and backup:UpdateRecoveryPointLifecycle for everyone else, and lock the vault."
#   references: [https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "CP-9"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.backup.vault_policy_public_delete

import data.vigil.lib.iam

destructive := ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:DeleteBackupVault"]

deny contains {"msg": sprintf("Backup vault %s policy statement %d allows %s to any principal", [object.get(input, "name", input.id), i, a]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
	some a in destructive
	iam.action_matches(object.get(stmt, "actions", []), a)
}
