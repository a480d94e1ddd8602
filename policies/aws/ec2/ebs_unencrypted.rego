# METADATA
# title: EBS volume is not encrypted
# description: Data on an unencrypted volume, and every snapshot taken of it, is readable by anyone who obtains the volume or snapshot.
# custom:
#   id: AWS-EC2-009
#   severity: high
#   kinds: [aws.ec2.volume]
#   remediation: Create the volume with encrypted = true (and a customer managed kms_key_id); enable EBS encryption by default in every region.
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html]
#   compliance:
#     cis-aws-3.0: ["2.2.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.ec2.ebs_unencrypted

deny contains {"msg": msg, "path": "encrypted"} if {
	input.attributes.encrypted == false
	msg := sprintf("EBS volume %s is not encrypted", [input.name])
}
