# METADATA
# title: "WorkSpace user volume is not encrypted"
# description: "Without encryption, the user volume (D:, /home) holding the user's documents and profile is stored on an unencrypted EBS volume, and its snapshots and backups are unencrypted too."
# custom:
#   id: AWS-WORKSPACES-001
#   severity: medium
#   kinds: [aws.workspaces.workspace]
#   remediation: "Encryption can only be chosen when a WorkSpace is launched: rebuild the WorkSpace with user_volume_encryption_enabled = true (and a customer managed KMS key in volume_encryption_key) after backing up the user's data."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/workspaces-controls.html, https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html]
#   compliance:
#     aws-fsbp: ["WorkSpaces.1"]
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.workspaces.user_volume_unencrypted

deny contains {"msg": sprintf("WorkSpace %s does not encrypt its user volume", [object.get(input, "name", input.id)]), "path": "user_volume_encryption_enabled"} if {
	input.attributes.user_volume_encryption_enabled == false
}
