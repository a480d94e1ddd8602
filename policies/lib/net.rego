# Helpers over security group and network ACL rules.
package vigil.lib.net

world_cidrs := {"0.0.0.0/0", "::/0"}

# open_cidr holds for the whole IPv4 or IPv6 internet.
open_cidr(c) if c in world_cidrs

# rule_open_to_world holds when a security group rule (cidr_blocks,
# ipv6_cidr_blocks) or a network ACL entry (cidr_block, ipv6_cidr_block)
# covers the whole internet.
rule_open_to_world(rule) if {
	some c in object.get(rule, "cidr_blocks", [])
	open_cidr(c)
}

rule_open_to_world(rule) if {
	some c in object.get(rule, "ipv6_cidr_blocks", [])
	open_cidr(c)
}

rule_open_to_world(rule) if open_cidr(object.get(rule, "cidr_block", ""))

rule_open_to_world(rule) if open_cidr(object.get(rule, "ipv6_cidr_block", ""))

# world_cidr_paths: the attribute sub-paths (relative to the rule) that
# hold an internet CIDR, for precise finding paths.
world_cidr_paths(rule) := {p |
	some i, c in object.get(rule, "cidr_blocks", [])
	open_cidr(c)
	p := sprintf("cidr_blocks[%d]", [i])
} | {p |
	some i, c in object.get(rule, "ipv6_cidr_blocks", [])
	open_cidr(c)
	p := sprintf("ipv6_cidr_blocks[%d]", [i])
} | {p |
	open_cidr(object.get(rule, "cidr_block", ""))
	p := "cidr_block"
} | {p |
	open_cidr(object.get(rule, "ipv6_cidr_block", ""))
	p := "ipv6_cidr_block"
}

# world_cidr_pairs: [sub-path, cidr] of each internet CIDR of the rule.
world_cidr_pairs(rule) := {[p, c] |
	some i, c in object.get(rule, "cidr_blocks", [])
	open_cidr(c)
	p := sprintf("cidr_blocks[%d]", [i])
} | {[p, c] |
	some i, c in object.get(rule, "ipv6_cidr_blocks", [])
	open_cidr(c)
	p := sprintf("ipv6_cidr_blocks[%d]", [i])
}

# all_protocols: protocol -1 (or "all") means every protocol and port.
all_protocols(rule) if lower(sprintf("%v", [rule.protocol])) in {"-1", "all"}

# all_ports holds when the rule covers every port of every protocol, or
# every TCP/UDP port.
all_ports(rule) if all_protocols(rule)

all_ports(rule) if {
	rule.from_port <= 0
	rule.to_port >= 65535
}

# port_in_rule holds when the rule lets traffic reach port (TCP or UDP).
port_in_rule(rule, port) if all_protocols(rule)

port_in_rule(rule, port) if {
	lower(sprintf("%v", [rule.protocol])) in {"tcp", "udp", "6", "17"}
	port_range_covers(rule, port)
}

port_range_covers(rule, port) if {
	rule.from_port == -1
	rule.to_port == -1
}

port_range_covers(rule, port) if {
	rule.from_port <= port
	rule.to_port >= port
}

# tcp_port_in_rule: like port_in_rule but only TCP (or all) protocols.
tcp_port_in_rule(rule, port) if all_protocols(rule)

tcp_port_in_rule(rule, port) if {
	lower(sprintf("%v", [rule.protocol])) in {"tcp", "6"}
	port_range_covers(rule, port)
}
