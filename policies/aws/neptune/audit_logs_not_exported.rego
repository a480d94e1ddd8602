# METADATA
# title: "Neptune audit logs are not exported to CloudWatch Logs"
# description: "Without the audit log export, the queries and connections the cluster served leave no trace outside it. The export also needs the neptune_enable_audit_log cluster parameter set to 1."
# custom:
#   id: AWS-NEPTUNE-003
#   severity: medium
#   kinds: [aws.neptune.cluster]
#   remediation: "Add 'audit' to enable_cloudwatch_logs_exports and set the neptune_enable_audit_log cluster parameter to 1."
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html]
#   compliance:
#     aws-fsbp: ["Neptune.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.neptune.audit_logs_not_exported

deny contains {"msg": sprintf("Neptune cluster %s does not export audit logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "log_exports"} if {
	not "audit" in input.attributes.log_exports
}
