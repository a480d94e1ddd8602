# METADATA
# title: "Backup vault is not encrypted with a customer managed KMS key"
# description: >-
#   A vault created without a key uses the AWS managed key aws/backup, whose policy the account cannot
#   change: anyone in the account allowed to use AWS Backup can restore what it holds, and the key cannot
#   be shared to copy backups to another account. A customer managed key lets the key policy decide who
#   may decrypt backups. The rule looks the vault's key up in the inventory (key_manager); no verdict when
#   the key is not in the scanned inventory or is named by a reference not known before apply.
# custom:
#   id: AWS-BACKUP-001
#   severity: medium
#   kinds: [aws.backup.vault]
#   remediation: "Create the vault with a customer managed KMS key (encryption_key_arn / kms_key_arn) whose key policy limits decryption to the backup and restore roles; a vault's key cannot be changed, so copy recovery points to a new vault."
#   references: [https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html, https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     pci-dss-4.0: ["3.6.1"]
package vigil.rules.aws.backup.vault_not_customer_key

deny contains {"msg": sprintf("Backup vault %s is encrypted with the AWS managed key aws/backup", [object.get(input, "name", input.id)]), "path": "kms_key_arn"} if {
	input.attributes.kms_key_arn == ""
}

deny contains {"msg": sprintf("Backup vault %s is encrypted with an AWS managed key (%s)", [object.get(input, "name", input.id), input.attributes.kms_key_arn]), "path": "kms_key_arn"} if {
	key := data.inventory.kinds["aws.kms.key"][input.attributes.kms_key_arn]
	key.attributes.key_manager == "AWS"
}

deny contains {"msg": "the vault's KMS key is not in the scanned inventory", "unknown": true} if {
	input.attributes.kms_key_arn != ""
	not data.inventory.kinds["aws.kms.key"][input.attributes.kms_key_arn].id
}
