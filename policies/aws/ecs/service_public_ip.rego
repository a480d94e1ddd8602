# METADATA
# title: "ECS service assigns public IP addresses to its tasks"
# description: "A service whose awsvpc configuration assigns public IPs gives every task an address reachable from the internet, limited only by its security groups; tasks belong in private subnets behind a load balancer, with a NAT gateway or VPC endpoints for outbound traffic."
# custom:
#   id: AWS-ECS-007
#   severity: medium
#   kinds: [aws.ecs.service]
#   remediation: "Set assignPublicIp to DISABLED in the service's awsvpcConfiguration (assign_public_ip = false in Terraform) and run the tasks in private subnets."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.2"]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.ecs.service_public_ip

deny contains {"msg": sprintf("ECS service %s assigns public IP addresses to its tasks", [object.get(input, "name", input.id)]), "path": "assign_public_ip"} if {
	input.attributes.assign_public_ip == true
}
