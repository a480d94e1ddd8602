# METADATA
# title: "OpenSearch domain does not publish audit logs"
# description: "Without audit logs there is no record of who authenticated to the domain, which indices they read or changed, or which requests were refused."
# custom:
#   id: AWS-OPENSEARCH-022
#   severity: medium
#   kinds: [aws.opensearch.domain]
#   remediation: "Enable fine-grained access control, then add log_publishing_options { log_type = \"AUDIT_LOGS\", cloudwatch_log_group_arn = ... } (CloudFormation LogPublishingOptions.AUDIT_LOGS) and turn audit logging on in the domain's security settings."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html, https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5]
#   compliance:
#     aws-fsbp: ["Opensearch.5"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.opensearch.audit_logs_disabled

deny contains {"msg": sprintf("OpenSearch domain %s does not publish audit logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "audit_logs_enabled"} if {
	input.attributes.audit_logs_enabled == false
}
