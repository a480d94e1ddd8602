# METADATA
# title: "AMI has unencrypted EBS snapshots"
# description: "An AMI backed by unencrypted snapshots holds its disk image in clear, and instances launched from it start with unencrypted root volumes unless encryption by default overrides it."
# custom:
#   id: AWS-EC2-023
#   severity: medium
#   kinds: [aws.ec2.image]
#   remediation: "Copy the AMI with encryption (aws ec2 copy-image --encrypted --kms-key-id KEY; Terraform aws_ami_copy with encrypted = true) and deregister the unencrypted one."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.ec2.ami_unencrypted

deny contains {"msg": sprintf("AMI %s has unencrypted EBS snapshots", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	input.attributes.encrypted == false
}
