# METADATA
# title: Network ACL allows remote administration ports from the internet
# description: A network ACL allows ingress from 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389), and no lower-numbered entry denies it.
# custom:
#   id: AWS-EC2-014
#   severity: medium
#   kinds: [aws.ec2.network_acl]
#   remediation: Change the entry to deny, or restrict its cidr_block to administrative ranges; add a lower-numbered deny for 22 and 3389 from the internet.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html]
#   compliance:
#     cis-aws-3.0: ["5.1"]
#     cis-aws-5.0: ["5.2"]
#     cis-aws-7.0: ["6.2"]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["AC-17", "SC-7"]
package vigil.rules.aws.ec2.nacl_admin_ports

import data.vigil.lib.net

admin_ports := {22: "SSH", 3389: "RDP"}

ingress(e) if object.get(e, "egress", false) == false

# NACL entries are evaluated in rule-number order: a lower deny wins.
denied_first(e, port) if {
	some d in input.attributes.entries
	ingress(d)
	lower(d.action) == "deny"
	d.rule_number < e.rule_number
	net.port_in_rule(d, port)
	some c in net.world_cidr_paths(e)
	d[c] == e[c]
}

deny contains {"msg": msg, "path": sprintf("entries[%d]", [i])} if {
	some i, e in input.attributes.entries
	ingress(e)
	lower(e.action) == "allow"
	net.rule_open_to_world(e)
	some port, name in admin_ports
	net.port_in_rule(e, port)
	not denied_first(e, port)
	msg := sprintf("network ACL entry %d allows %s (port %d) from the internet", [e.rule_number, name, port])
}
