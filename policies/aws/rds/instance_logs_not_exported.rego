# METADATA
# title: "RDS instance does not publish its database logs to CloudWatch Logs"
# description: "Database logs kept only on the instance rotate away within days and are lost with it; without them in CloudWatch Logs there is no record of logins, errors or statements to investigate an incident or to alarm on."
# custom:
#   id: AWS-RDS-020
#   severity: medium
#   kinds: [aws.rds.instance]
#   remediation: "Publish the engine's logs: enabled_cloudwatch_logs_exports (Terraform) or EnableCloudwatchLogsExports (CloudFormation) with postgresql and upgrade for PostgreSQL; audit, error, general and slowquery for MySQL and MariaDB (audit needs the MARIADB_AUDIT_PLUGIN option); alert, audit, listener and trace for Oracle; agent and error for SQL Server."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9]
#   compliance:
#     aws-fsbp: ["RDS.9"]
#     nist-800-53-r5: ["AU-2", "AU-6", "AU-12", "SI-4"]
#     pci-dss-4: ["10.2.1"]
package vigil.rules.aws.rds.instance_logs_not_exported

# The log types AWS Security Hub (RDS.9) expects each engine family to
# publish. Aurora members publish through their cluster (AWS-RDS-021); RDS
# Custom and Db2 are not judged.
required := {
	"postgres": {"postgresql", "upgrade"},
	"mysql": {"audit", "error", "general", "slowquery"},
	"mariadb": {"audit", "error", "general", "slowquery"},
	"oracle": {"alert", "audit", "listener", "trace"},
	"sqlserver": {"agent", "error"},
}

deny contains {"msg": sprintf("RDS instance %s (%s) does not publish these logs to CloudWatch Logs: %s", [object.get(input, "name", input.id), a.engine, concat(", ", sort(missing))]), "path": "enabled_cloudwatch_logs_exports"} if {
	a := input.attributes
	a.cluster_identifier == ""
	some family, logs in required
	startswith(a.engine, family)
	exported := {l | some l in object.get(a, "enabled_cloudwatch_logs_exports", [])}
	missing := logs - exported
	count(missing) > 0
}
