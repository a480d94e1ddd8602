# METADATA
# title: Instance reachable from the internet on an administration port
# description: >-
#   The instance has a public or Elastic IP address, its subnet routes 0.0.0.0/0 or ::/0 to an
#   internet gateway, the subnet's network ACL lets the port in from the internet (its
#   lowest-numbered matching entry allows), and one of its security groups allows the port from
#   the internet: every layer is open, so the port answers anyone. The rule follows the
#   instance's subnet to its route table (an explicit association, else the VPC's main table)
#   and network ACL (an explicit association, else the VPC's default ACL, which in Terraform
#   not managed by the configuration keeps AWS's allow-all entries), through the tables' and
#   ACLs' associated_with relations. No verdict when a layer it
#   needs is not in the scanned inventory or could not be read.
# custom:
#   id: AWS-EC2-016
#   severity: high
#   kinds: [aws.ec2.instance]
#   remediation: >-
#     Close the port on the security group (and the network ACL) to 0.0.0.0/0 and ::/0, or move
#     the instance to a private subnet; reach it through SSM Session Manager, a VPN or a bastion.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html]
#   compliance:
#     cis-aws-3.0: ["5.2", "5.3"]
#     cis-aws-5.0: ["5.3", "5.4"]
#     cis-aws-7.0: ["6.3", "6.4"]
#     pci-dss-4.0: ["1.3.1", "1.4.1"]
#     nist-800-53-r5: ["AC-17", "SC-7"]
package vigil.rules.aws.ec2.internet_admin_reachable

import data.vigil.lib.net

admin_ports := {
	22: "SSH",
	23: "Telnet",
	3389: "RDP",
	5900: "VNC",
	5985: "WinRM",
	5986: "WinRM (TLS)",
}

public if input.attributes.has_public_ip

public if input.attributes.public_ip != ""

# The subnet's resource id, as the instance's relation names it.
subnet_id := [rel.target | some rel in input.relations; rel.type == "in_subnet"][0]

vpc := data.inventory.kinds["aws.ec2.subnet"][subnet_id].attributes.vpc_id

# associated are the resources of a kind associated with the subnet,
# found through the inbound index rather than by scanning the kind.
associated(kind) := {e.from |
	some e in data.inventory.inbound[subnet_id]
	e.type == "associated_with"
	e.kind == kind
}

# The route table: the one associated with the subnet, else the VPC's main.
explicit_tables := associated("aws.ec2.route_table")

tables contains id if some id in explicit_tables

tables contains id if {
	count(explicit_tables) == 0
	some id, rt in data.inventory.accounts[input.account].kinds["aws.ec2.route_table"]
	rt.attributes.is_main
	rt.attributes.vpc_id == vpc
}

internet_routed if {
	some id in tables
	some r in data.inventory.kinds["aws.ec2.route_table"][id].attributes.routes
	r.target_type == "internet_gateway"
	r.state != "blackhole"
	default_route(r)
}

default_route(r) if r.destination_cidr == "0.0.0.0/0"

default_route(r) if r.destination_ipv6_cidr == "::/0"

# The network ACL: the one associated with the subnet, else the VPC's
# default.
explicit_acls := associated("aws.ec2.network_acl")

acls contains id if some id in explicit_acls

acls contains id if {
	count(explicit_acls) == 0
	some id, n in data.inventory.accounts[input.account].kinds["aws.ec2.network_acl"]
	n.attributes.is_default
	n.attributes.vpc_id == vpc
}

# An IaC subnet with no ACL of the configuration keeps the VPC's default
# ACL as AWS creates it: every port open.
acl_allows(port) if {
	count(acls) == 0
	input.source != "live"
}

acl_allows(port) if {
	some id in acls
	entries := data.inventory.kinds["aws.ec2.network_acl"][id].attributes.entries
	some e in entries
	object.get(e, "egress", false) == false
	net.rule_open_to_world(e)
	net.port_in_rule(e, port)
	lower(e.action) == "allow"
	not denied_before(entries, e, port)
}

# NACL entries apply in rule-number order: a lower matching deny wins.
denied_before(entries, e, port) if {
	some d in entries
	object.get(d, "egress", false) == false
	lower(d.action) == "deny"
	d.rule_number < e.rule_number
	net.rule_open_to_world(d)
	net.port_in_rule(d, port)
}

sg_allows(port) if {
	some rel in input.relations
	rel.type == "protected_by"
	some r in data.inventory.kinds["aws.ec2.security_group"][rel.target].attributes.ingress
	net.rule_open_to_world(r)
	net.tcp_port_in_rule(r, port)
}

deny contains {"msg": msg, "path": "has_public_ip"} if {
	public
	internet_routed
	some port, name in admin_ports
	acl_allows(port)
	sg_allows(port)
	msg := sprintf("%s (port %d) is reachable from the internet: public IP, internet-routed subnet, network ACL and security group all allow it", [name, port])
}

# What cannot be followed gives no verdict: a public instance whose
# subnet, route table, ACL or security group is outside the inventory.
deny contains {"msg": "a network layer of the instance is outside the scanned inventory", "unknown": true} if {
	public
	not complete
}

complete if {
	subnet_id
	count(tables) > 0
	acls_known
	groups_known
}

acls_known if count(acls) > 0

acls_known if input.source != "live"

groups_known if not missing_group

missing_group if {
	some rel in input.relations
	rel.type == "protected_by"
	not data.inventory.kinds["aws.ec2.security_group"][rel.target].id
}
