# METADATA
# title: "Classic Load Balancer has no connection draining"
# description: "Without connection draining, a Classic Load Balancer cuts the open requests of an instance the moment it is deregistered or fails its health check, so deployments and scale-in drop users' requests."
# custom:
#   id: AWS-ELB-030
#   severity: low
#   kinds: [aws.elb.load_balancer]
#   remediation: "Set connection_draining = true (and connection_draining_timeout) on aws_elb (CloudFormation: ConnectionDrainingPolicy.Enabled: true)."
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-7]
#   compliance:
#     aws-fsbp: ["ELB.7"]
#     nist-800-53-r5: ["CP-10", "SC-5"]
package vigil.rules.aws.elb.classic_connection_draining_disabled

deny contains {"msg": sprintf("Classic Load Balancer %s does not drain connections", [object.get(input, "name", input.id)]), "path": "connection_draining"} if {
	input.attributes.connection_draining == false
}
