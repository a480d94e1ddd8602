# METADATA
# title: KMS customer managed key is scheduled for deletion
# description: >-
#   A key pending deletion cannot be used, and when its waiting period ends KMS deletes it for good:
#   everything it encrypted (volumes, snapshots, objects, secrets, backups) becomes unreadable. A
#   deletion scheduled by mistake or by an attacker can be cancelled only during the waiting period.
# custom:
#   id: AWS-KMS-020
#   severity: medium
#   kinds: [aws.kms.key]
#   remediation: Confirm that nothing still needs the key (CloudTrail shows its recent use); if anything does, cancel the deletion (aws kms cancel-key-deletion) and enable the key again.
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html, https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-3]
#   compliance:
#     aws-fsbp: ["KMS.3"]
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.kms.key_pending_deletion

deny contains {"msg": msg, "path": "key_state"} if {
	input.attributes.key_manager == "CUSTOMER"
	input.attributes.key_state == "PendingDeletion"
	msg := sprintf("KMS key %s is scheduled for deletion (%d-day waiting period)", [input.name, input.attributes.deletion_window_days])
}
