# METADATA
# title: Redshift cluster does not log audit events
# description: >-
#   Without audit logging, connections, user changes and queries against the warehouse leave
#   no record outside the cluster's own short-lived system tables: who read which data, and
#   when, cannot be answered after an incident.
# custom:
#   id: AWS-REDSHIFT-020
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: Turn on audit logging to S3 or CloudWatch Logs (aws_redshift_logging; LoggingProperties), with the connection, user and user activity logs.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4]
#   compliance:
#     aws-fsbp: ["Redshift.4"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.redshift.audit_logging_disabled

deny contains {"msg": sprintf("Redshift cluster %s does not log audit events", [object.get(input, "name", input.id)]), "path": "logging_enabled"} if {
	input.attributes.logging_enabled == false
}
