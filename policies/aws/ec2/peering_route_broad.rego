# METADATA
# title: Route to a VPC peering connection is broader than any VPC
# description: >-
#   CIS AWS Foundations asks that routes to a peered VPC be "least access": only the subnets
#   or hosts the peering exists for (3.0 5.5, 5.0 5.6, 7.0 6.6, assessed manually). What can be
#   decided from the route table alone is a route through a peering connection wider than any
#   VPC block can be: the default route (0.0.0.0/0, ::/0), an IPv4 prefix shorter than /16 (the
#   largest VPC CIDR block) or an IPv6 prefix shorter than /44 (the largest VPC IPv6 block).
#   Such a route hands the peer more address space than it holds; whether a narrower route is
#   still wider than needed stays a review.
# custom:
#   id: AWS-EC2-101
#   severity: low
#   kinds: [aws.ec2.route_table]
#   remediation: Replace the route with routes to the peer's subnets (or hosts) the workload needs, e.g. aws_route with destination_cidr_block set to a peer subnet's CIDR and vpc_peering_connection_id.
#   references: [https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html]
#   compliance:
#     cis-aws-3.0: ["5.5"]
#     cis-aws-5.0: ["5.6"]
#     cis-aws-7.0: ["6.6"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.ec2.peering_route_broad

# broad holds when a destination is wider than the largest VPC block of
# its family.
broad(cidr, limit) if {
	cidr != ""
	parts := split(cidr, "/")
	count(parts) == 2
	to_number(parts[1]) < limit
}

deny contains {"msg": msg, "path": sprintf("routes[%d].%s", [i, field])} if {
	some i, r in input.attributes.routes
	r.target_type == "vpc_peering_connection"
	r.state != "blackhole"
	some [field, cidr, limit] in {
		["destination_cidr", object.get(r, "destination_cidr", ""), 16],
		["destination_ipv6_cidr", object.get(r, "destination_ipv6_cidr", ""), 44],
	}
	broad(cidr, limit)
	msg := sprintf("route table %s routes %s to peering connection %s, more than any VPC holds", [input.name, cidr, r.target])
}
