# METADATA
# title: RDS DB snapshot is not encrypted
# description: >-
#   An unencrypted snapshot keeps the database's data in the clear at rest, and every copy or
#   share of it does too; an instance restored from it starts unencrypted.
# custom:
#   id: AWS-RDS-026
#   severity: medium
#   kinds: [aws.rds.snapshot]
#   remediation: >-
#     Copy the snapshot with a KMS key (aws rds copy-db-snapshot --kms-key-id ...), delete the
#     unencrypted one, and encrypt the source instance's storage so new snapshots are encrypted.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-4]
#   compliance:
#     aws-fsbp: ["RDS.4"]
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.rds.snapshot_not_encrypted

deny contains {"msg": sprintf("DB snapshot %s is not encrypted", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	input.attributes.encrypted == false
}
