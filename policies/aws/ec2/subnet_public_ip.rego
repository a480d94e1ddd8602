# METADATA
# title: Subnet assigns public IP addresses on launch
# description: Every instance launched in the subnet gets a public IPv4 address unless told otherwise, making accidental internet exposure the default.
# custom:
#   id: AWS-EC2-013
#   severity: low
#   kinds: [aws.ec2.subnet]
#   remediation: Set map_public_ip_on_launch = false and assign public addresses only where intended (Elastic IPs, load balancers).
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html]
#   compliance:
#     nist-800-53-r5: ["SC-7"]
package vigil.rules.aws.ec2.subnet_public_ip

deny contains {"msg": msg, "path": "map_public_ip_on_launch"} if {
	input.attributes.map_public_ip_on_launch == true
	msg := sprintf("subnet %s (%s) assigns public IP addresses on launch", [input.name, input.attributes.cidr_block])
}
