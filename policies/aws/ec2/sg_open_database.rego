# METADATA
# title: Security group allows database ports from the internet
# description: An ingress rule exposes a database or data-store port (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Elasticsearch, Redshift, Memcached, Cassandra ...) to the whole internet.
# custom:
#   id: AWS-EC2-004
#   severity: high
#   kinds: [aws.ec2.security_group]
#   remediation: Allow the database port only from the application's security group or private ranges; never from 0.0.0.0/0 or ::/0.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.ec2.sg_open_database

import data.vigil.lib.net

db_ports := {
	1433: "SQL Server",
	1521: "Oracle",
	2483: "Oracle",
	3306: "MySQL",
	5432: "PostgreSQL",
	5439: "Redshift",
	6379: "Redis",
	7000: "Cassandra",
	9042: "Cassandra",
	9200: "Elasticsearch",
	9300: "Elasticsearch",
	11211: "Memcached",
	27017: "MongoDB",
	8086: "InfluxDB",
	5984: "CouchDB",
}

deny contains {"msg": msg, "path": sprintf("ingress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.ingress
	some [p, cidr] in net.world_cidr_pairs(rule)
	exposed := sort([sprintf("%d (%s)", [port, name]) |
		some port, name in db_ports
		net.tcp_port_in_rule(rule, port)
	])
	count(exposed) > 0
	msg := sprintf("security group %s ingress rule %d exposes database ports %s to %s", [input.name, i, concat(", ", exposed), cidr])
}
