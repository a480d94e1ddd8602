# METADATA
# title: EBS encryption by default is disabled
# description: With encryption by default off, any new volume or snapshot copy created without an explicit encryption flag is stored unencrypted.
# custom:
#   id: AWS-EC2-011
#   severity: medium
#   kinds: [aws.region]
#   reads: [ebs_encryption_by_default]
#   remediation: Add aws_ebs_encryption_by_default { enabled = true } in every region (and aws_ebs_default_kms_key for a customer managed key).
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html]
#   compliance:
#     cis-aws-3.0: ["2.2.1"]
#     cis-aws-5.0: ["5.1.1"]
#     cis-aws-7.0: ["6.1.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.ec2.ebs_default_encryption

# null means not known: no finding.
deny contains {"msg": msg, "path": "ebs_encryption_by_default"} if {
	input.attributes.ebs_encryption_by_default == false
	msg := sprintf("EBS encryption by default is disabled in region %s", [object.get(input, "region", "")])
}
