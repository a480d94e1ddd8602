# METADATA
# title: "Launch template assigns public IP addresses"
# description: "Every instance launched from a template whose network interface sets AssociatePublicIpAddress gets a public IPv4 address and is reachable from the internet as far as its security groups allow."
# custom:
#   id: AWS-EC2-024
#   severity: medium
#   kinds: [aws.ec2.launch_template]
#   remediation: "Set associate_public_ip_address = false (CloudFormation: AssociatePublicIpAddress: false) in the template's network interfaces, publish a new default version, and reach instances through a load balancer, NAT or Session Manager."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses, https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-25]
#   compliance:
#     aws-fsbp: ["EC2.25"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.4.4"]
package vigil.rules.aws.ec2.launch_template_public_ip

deny contains {"msg": sprintf("launch template %s gives its instances a public IP address", [object.get(input, "name", input.id)]), "path": "has_public_ip"} if {
	input.attributes.has_public_ip == true
}
