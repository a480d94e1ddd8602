# METADATA
# title: "RDS IAM database authentication is disabled"
# description: "Without IAM database authentication every client uses long-lived database passwords instead of short-lived, centrally revocable IAM tokens."
# custom:
#   id: AWS-RDS-005
#   severity: low
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: "Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that need it."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html]
#   compliance:
#     nist-800-53-r5: ["IA-2", "AC-2"]
package vigil.rules.aws.rds.iam_authentication_disabled

deny contains {"msg": sprintf("%s (%s) does not use IAM database authentication", [object.get(input, "name", input.id), a.engine]), "path": "iam_database_authentication_enabled"} if {
	a := input.attributes
	standalone
	supported(a.engine)
	not a.iam_database_authentication_enabled
}

standalone if input.kind == "aws.rds.cluster"

standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}

# IAM authentication exists only for the MySQL, MariaDB and PostgreSQL families.
supported(engine) if engine == ""

supported(engine) if {
	some prefix in {"mysql", "mariadb", "postgres", "aurora"}
	startswith(engine, prefix)
}
