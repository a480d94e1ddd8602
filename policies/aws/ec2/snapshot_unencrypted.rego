# METADATA
# title: "EBS snapshot is not encrypted"
# description: "An unencrypted snapshot holds the volume's data in clear; once shared or copied, nothing but its permissions protects it, and volumes restored from it are unencrypted too."
# custom:
#   id: AWS-EC2-021
#   severity: medium
#   kinds: [aws.ec2.snapshot]
#   remediation: "Copy the snapshot with encryption (aws ec2 copy-snapshot --encrypted --kms-key-id KEY; Terraform aws_ebs_snapshot_copy with encrypted = true), delete the unencrypted one, and enable EBS encryption by default."
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.ec2.snapshot_unencrypted

deny contains {"msg": sprintf("EBS snapshot %s is not encrypted", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	input.attributes.encrypted == false
}
