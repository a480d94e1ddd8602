# METADATA
# title: Application Load Balancer does not drop invalid HTTP headers
# description: Forwarding malformed header fields to targets enables HTTP request smuggling and desync attacks.
# custom:
#   id: AWS-ELB-005
#   severity: low
#   kinds: [aws.elbv2.load_balancer]
#   remediation: Set drop_invalid_header_fields = true on the aws_lb.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes]
#   compliance:
#     nist-800-53-r5: ["SI-10"]
package vigil.rules.aws.elb.drop_invalid_headers

deny contains {"msg": msg, "path": "drop_invalid_header_fields"} if {
	input.attributes.type == "application"
	input.attributes.drop_invalid_header_fields == false
	msg := sprintf("ALB %s does not drop invalid header fields", [input.name])
}
