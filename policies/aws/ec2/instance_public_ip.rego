# METADATA
# title: EC2 instance has a public IP address
# description: An instance with a public IPv4 address is directly reachable from the internet wherever its security groups allow, instead of behind a load balancer or NAT.
# custom:
#   id: AWS-EC2-008
#   severity: medium
#   kinds: [aws.ec2.instance]
#   remediation: Launch the instance in a private subnet with associate_public_ip_address = false and expose it through a load balancer if needed.
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html]
#   compliance:
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: ["SC-7"]
package vigil.rules.aws.ec2.instance_public_ip

deny contains {"msg": msg, "path": "has_public_ip"} if {
	input.attributes.has_public_ip == true
	msg := sprintf("instance %s has a public IP address", [input.name])
}
