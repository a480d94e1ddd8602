# METADATA
# title: "DMS endpoint connects to its database without SSL"
# description: "With SSL mode none, DMS reads or writes the database's data, and sends its credentials, in clear text over the network. Judged for the engines whose endpoints support SSL (relational databases, MongoDB, DocumentDB, Redshift); S3, DynamoDB, Kinesis and other service targets connect through AWS APIs over TLS and have no SSL mode."
# custom:
#   id: AWS-DMS-004
#   severity: medium
#   kinds: [aws.dms.endpoint]
#   remediation: "Set the endpoint's SSL mode to verify-full (or require / verify-ca), importing the database's CA certificate into DMS where needed."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html]
#   compliance:
#     aws-fsbp: ["DMS.9"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)"]
package vigil.rules.aws.dms.endpoint_no_ssl

# Engines whose DMS endpoints take an SSL mode.
ssl_engines := {
	"mysql", "mariadb", "aurora", "aurora-postgresql", "postgres", "oracle", "sqlserver", "sybase",
	"db2", "db2-zos", "mongodb", "docdb", "redshift", "redshift-serverless", "azuredb",
	"azure-sql-managed-instance", "babelfish",
}

deny contains {"msg": sprintf("DMS %s endpoint %s connects without SSL", [input.attributes.engine_name, object.get(input, "name", input.id)]), "path": "ssl_mode"} if {
	input.attributes.engine_name in ssl_engines
	input.attributes.ssl_mode == "none"
}
