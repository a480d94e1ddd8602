# METADATA
# title: "DocumentDB audit logs are not exported to CloudWatch Logs"
# description: "Without the audit log export, authentication attempts, DDL and user management on the cluster leave no trace outside the database. The export also needs the audit_logs cluster parameter enabled."
# custom:
#   id: AWS-DOCDB-003
#   severity: medium
#   kinds: [aws.docdb.cluster]
#   remediation: "Add 'audit' to enabled_cloudwatch_logs_exports and set the audit_logs cluster parameter to enabled."
#   references: [https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html]
#   compliance:
#     aws-fsbp: ["DocumentDB.4"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.docdb.audit_logs_not_exported

deny contains {"msg": sprintf("DocumentDB cluster %s does not export audit logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "log_exports"} if {
	not "audit" in input.attributes.log_exports
}
