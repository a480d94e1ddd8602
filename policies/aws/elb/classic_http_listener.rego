# METADATA
# title: Classic Load Balancer has a plain HTTP listener
# description: A classic ELB HTTP listener serves traffic in clear text and cannot redirect to HTTPS.
# custom:
#   id: AWS-ELB-006
#   severity: medium
#   kinds: [aws.elb.load_balancer]
#   remediation: Use an HTTPS listener with an ACM certificate, or migrate to an Application Load Balancer that redirects HTTP to HTTPS.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.elb.classic_http_listener

deny contains {"msg": msg, "path": sprintf("listeners[%d].protocol", [i])} if {
	some i, l in input.attributes.listeners
	l.protocol == "HTTP"
	msg := sprintf("classic load balancer %s has a plain HTTP listener on port %d", [input.name, l.port])
}
