# METADATA
# title: Load balancer HTTP listener does not redirect to HTTPS
# description: An HTTP listener that forwards requests serves the application in clear text, exposing credentials and session cookies on the network.
# custom:
#   id: AWS-ELB-002
#   severity: medium
#   kinds: [aws.elbv2.load_balancer]
#   remediation: Make the HTTP listener's default action a redirect to HTTPS (status HTTP_301) and serve the application on an HTTPS listener.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.elb.http_no_redirect

redirects_to_https(l) if {
	l.default_action == "redirect"
	upper(l.redirect_protocol) == "HTTPS"
}

deny contains {"msg": msg, "path": sprintf("listeners[%d].default_action", [i])} if {
	some i, l in input.attributes.listeners
	l.protocol == "HTTP"
	not redirects_to_https(l)
	msg := sprintf("load balancer %s HTTP listener on port %d does %q instead of redirecting to HTTPS", [input.name, l.port, l.default_action])
}
