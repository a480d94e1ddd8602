# METADATA
# title: "Load balancer lets HTTP desync (request smuggling) requests through"
# description: "In desync mitigation mode monitor, an Application or Classic Load Balancer forwards requests that are ambiguous under RFC 7230 (conflicting Content-Length and Transfer-Encoding headers and the like), which front-end and back-end servers may parse differently: an attacker can smuggle a request past the load balancer, poison caches or take over other users' requests. Defensive (the default) or strictest mode blocks them."
# custom:
#   id: AWS-ELB-032
#   severity: medium
#   kinds: [aws.elbv2.load_balancer, aws.elb.load_balancer]
#   remediation: "Set desync_mitigation_mode = \"defensive\" or \"strictest\" on aws_lb / aws_elb (CloudFormation: the load balancer attribute routing.http.desync_mitigation_mode)."
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode, https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-14]
#   compliance:
#     aws-fsbp: ["ELB.12", "ELB.14"]
#     nist-800-53-r5: ["SC-7", "SI-10"]
package vigil.rules.aws.elb.desync_mitigation_monitor

safe := {"defensive", "strictest"}

# Network and gateway load balancers do not parse HTTP: not judged.
http_lb if input.kind == "aws.elb.load_balancer"

http_lb if {
	input.kind == "aws.elbv2.load_balancer"
	input.attributes.type == "application"
}

deny contains {"msg": sprintf("load balancer %s uses desync mitigation mode %s", [object.get(input, "name", input.id), input.attributes.desync_mitigation_mode]), "path": "desync_mitigation_mode"} if {
	http_lb
	not safe[input.attributes.desync_mitigation_mode]
}
