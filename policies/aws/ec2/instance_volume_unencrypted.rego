# METADATA
# title: EC2 instance block device is not encrypted
# description: A root or data volume of the instance is created unencrypted, so its data and snapshots are stored in clear.
# custom:
#   id: AWS-EC2-010
#   severity: high
#   kinds: [aws.ec2.instance]
#   remediation: Set encrypted = true in root_block_device and every ebs_block_device, or enable EBS encryption by default.
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html]
#   compliance:
#     cis-aws-3.0: ["2.2.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.ec2.instance_volume_unencrypted

deny contains {"msg": msg, "path": sprintf("block_devices[%d].encrypted", [i])} if {
	some i, d in input.attributes.block_devices
	d.encrypted == false
	kind := {true: "root volume", false: "volume"}[d.root]
	device := object.get({true: "", false: concat("", [" ", d.device_name])}, d.device_name == "", "")
	msg := sprintf("instance %s %s%s is not encrypted", [input.name, kind, device])
}
