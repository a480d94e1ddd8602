# METADATA
# title: "Aurora cluster does not publish its audit or database log to CloudWatch Logs"
# description: "An Aurora MySQL cluster that does not export its audit log, or an Aurora PostgreSQL cluster that does not export its postgresql log, keeps no durable record of connections and statements outside the database to investigate or alarm on."
# custom:
#   id: AWS-RDS-021
#   severity: medium
#   kinds: [aws.rds.cluster]
#   remediation: "Aurora MySQL: turn on advanced auditing (server_audit_logging = 1 in the cluster parameter group) and add audit to enabled_cloudwatch_logs_exports (CloudFormation: EnableCloudwatchLogsExports). Aurora PostgreSQL: add postgresql."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/publishing_cloudwatchlogs.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-34]
#   compliance:
#     aws-fsbp: ["RDS.34", "RDS.37"]
#     nist-800-53-r5: ["AU-2", "AU-6", "AU-12", "SI-4"]
#     pci-dss-4: ["10.2.1"]
package vigil.rules.aws.rds.cluster_logs_not_exported

# Security Hub RDS.34 (Aurora MySQL: audit) and RDS.37 (Aurora PostgreSQL:
# postgresql). Other cluster engines (Multi-AZ DB clusters, DocumentDB,
# Neptune) are not judged here.
required := {
	"aurora": "audit", # Aurora MySQL 5.6
	"aurora-mysql": "audit",
	"aurora-postgresql": "postgresql",
}

deny contains {"msg": sprintf("%s cluster %s does not publish its %s log to CloudWatch Logs", [a.engine, object.get(input, "name", input.id), log]), "path": "enabled_cloudwatch_logs_exports"} if {
	a := input.attributes
	log := required[a.engine]
	not log in object.get(a, "enabled_cloudwatch_logs_exports", [])
}
