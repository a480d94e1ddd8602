# METADATA
# title: "EBS snapshot is public"
# description: "A snapshot whose create-volume permission names the group all can be copied into any AWS account and mounted there: every byte of the volume it was taken from is readable by anyone."
# custom:
#   id: AWS-EC2-020
#   severity: critical
#   kinds: [aws.ec2.snapshot]
#   remediation: "Remove the public permission (aws ec2 modify-snapshot-attribute --attribute createVolumePermission --operation-type remove --group-names all), share with named accounts only, and turn on EBS snapshot block public access in every region."
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1]
#   compliance:
#     aws-fsbp: ["EC2.1"]
#     nist-800-53-r5: ["AC-3", "AC-21", "SC-7"]
#     pci-dss-4.0: ["1.4.4"]
package vigil.rules.aws.ec2.snapshot_public

deny contains {"msg": sprintf("EBS snapshot %s can be restored by every AWS account", [object.get(input, "name", input.id)]), "path": "public"} if {
	input.attributes.public == true
}
