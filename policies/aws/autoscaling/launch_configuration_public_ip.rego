# METADATA
# title: "Launch configuration assigns public IP addresses"
# description: "Every instance a group launches from a configuration with AssociatePublicIpAddress set gets a public IPv4 address and is reachable from the internet as far as its security groups allow."
# custom:
#   id: AWS-ASG-004
#   severity: medium
#   kinds: [aws.autoscaling.launch_configuration]
#   remediation: "Create a launch configuration (or better, a launch template) with associate_public_ip_address = false (CloudFormation AssociatePublicIpAddress: false), move the groups onto it, and reach the instances through a load balancer, NAT or Session Manager."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-in-vpc.html#as-vpc-ipaddress, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-5]
#   compliance:
#     aws-fsbp: ["AutoScaling.5"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.4.4"]
package vigil.rules.aws.autoscaling.launch_configuration_public_ip

deny contains {"msg": sprintf("launch configuration %s gives its instances a public IP address", [object.get(input, "name", input.id)]), "path": "has_public_ip"} if {
	input.attributes.has_public_ip == true
}
