# METADATA
# title: RDS instance or cluster listens on its engine's default port
# description: >-
#   The database listens on the port its engine uses by default (MySQL, MariaDB and Aurora MySQL
#   3306, PostgreSQL and Aurora PostgreSQL 5432, Oracle 1521, SQL Server 1433, Db2 50000), the first
#   port automated scans and brute-force tools try (AWS Security Hub FSBP RDS.23). A custom port is
#   no access control, only one more step for an attacker; security groups remain the control.
#   Aurora members listen on their cluster's port, judged on the cluster.
# custom:
#   id: AWS-RDS-032
#   severity: low
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: Set port to a non-default value on the DB instance or cluster (CloudFormation Port); clients and security group rules must follow.
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-23, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ModifyInstance.Settings.html]
#   compliance:
#     aws-fsbp: ["RDS.23"]
#     nist-800-53-r5: ["CM-7"]
package vigil.rules.aws.rds.default_port

deny contains {"msg": msg, "path": "port"} if {
	standalone
	a := input.attributes
	a.port == default_port(a.engine)
	msg := sprintf("%s (%s) listens on its engine's default port %d", [object.get(input, "name", input.id), a.engine, a.port])
}

standalone if input.kind == "aws.rds.cluster"

standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}

default_port(engine) := 3306 if engine in {"mysql", "mariadb", "aurora"}

default_port(engine) := 3306 if startswith(engine, "aurora-mysql")

default_port(engine) := 5432 if engine == "postgres"

default_port(engine) := 5432 if startswith(engine, "aurora-postgresql")

default_port(engine) := 1521 if startswith(engine, "oracle-")

default_port(engine) := 1521 if startswith(engine, "custom-oracle-")

default_port(engine) := 1433 if startswith(engine, "sqlserver-")

default_port(engine) := 1433 if startswith(engine, "custom-sqlserver-")

default_port(engine) := 50000 if startswith(engine, "db2-")
