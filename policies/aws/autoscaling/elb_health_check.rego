# METADATA
# title: "Auto Scaling group behind a load balancer does not use its health checks"
# description: "A group attached to a load balancer or target group that relies on EC2 status checks alone keeps instances whose application fails the load balancer's health check in service: they are neither replaced nor, when the load balancer routes around them, noticed."
# custom:
#   id: AWS-ASG-001
#   severity: low
#   kinds: [aws.autoscaling.group]
#   remediation: "Turn on Elastic Load Balancing health checks for the group (health_check_type = \"ELB\"; CloudFormation HealthCheckType: ELB) with a grace period that covers instance start-up."
#   references: [https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html, https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-1]
#   compliance:
#     aws-fsbp: ["AutoScaling.1"]
#     nist-800-53-r5: ["CP-2(2)", "SI-2"]
package vigil.rules.aws.autoscaling.elb_health_check

deny contains {"msg": sprintf("Auto Scaling group %s is attached to a load balancer but uses %v health checks only", [object.get(input, "name", input.id), concat(", ", input.attributes.health_check_types)]), "path": "health_check_types"} if {
	input.attributes.load_balancer_attached == true
	not "ELB" in input.attributes.health_check_types
}
