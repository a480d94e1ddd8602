# METADATA
# title: Load balancer listener uses an outdated TLS security policy
# description: The listener's security policy still accepts TLS 1.0/1.1 or weak ciphers (e.g. ELBSecurityPolicy-2016-08), which are open to downgrade and known attacks.
# custom:
#   id: AWS-ELB-003
#   severity: medium
#   kinds: [aws.elbv2.load_balancer]
#   remediation: Set ssl_policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS13 / TLS-1-2 policy).
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
package vigil.rules.aws.elb.outdated_tls_policy

# TLS 1.2+ policies: TLS13-*, *-TLS-1-2-*, *-FS-1-2-*.
modern(policy) if regex.match(`^ELBSecurityPolicy-(TLS13-|.*TLS-1-2-|.*FS-1-2-)`, policy)

deny contains {"msg": msg, "path": sprintf("listeners[%d].ssl_policy", [i])} if {
	some i, l in input.attributes.listeners
	l.protocol in {"HTTPS", "TLS"}
	l.ssl_policy != ""
	not modern(l.ssl_policy)
	msg := sprintf("load balancer %s %s listener on port %d uses outdated TLS policy %s", [input.name, l.protocol, l.port, l.ssl_policy])
}
