# METADATA
# title: "Load balancer runs in a single Availability Zone"
# description: "A load balancer enabled in fewer than two Availability Zones stops serving when that zone fails. Application, network and gateway load balancers take one subnet per zone; a Classic Load Balancer lists its zones (EC2-Classic) or subnets (VPC)."
# custom:
#   id: AWS-ELB-033
#   severity: medium
#   kinds: [aws.elbv2.load_balancer, aws.elb.load_balancer]
#   remediation: "Add a subnet in a second Availability Zone to the load balancer (subnets or subnet_mapping; CloudFormation: Subnets or SubnetMappings; a Classic Load Balancer: subnets or availability_zones)."
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#availability-zones, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-10]
#   compliance:
#     aws-fsbp: ["ELB.10", "ELB.13"]
#     nist-800-53-r5: ["CP-10", "SC-36"]
package vigil.rules.aws.elb.single_az

zones := count(input.attributes.subnets) if input.kind == "aws.elbv2.load_balancer"

zones := max([count(input.attributes.subnets), count(input.attributes.availability_zones)]) if input.kind == "aws.elb.load_balancer"

deny contains {"msg": sprintf("load balancer %s is enabled in %d Availability Zone(s)", [object.get(input, "name", input.id), zones]), "path": "subnets"} if {
	zones < 2
}
