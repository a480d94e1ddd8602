# METADATA
# title: "OpenSearch domain does not publish error logs"
# description: "Without error logs published to CloudWatch Logs, failures and misbehaving plugins or scripts on the domain leave no record to investigate."
# custom:
#   id: AWS-OPENSEARCH-023
#   severity: low
#   kinds: [aws.opensearch.domain]
#   remediation: "Add log_publishing_options { log_type = \"ES_APPLICATION_LOGS\", cloudwatch_log_group_arn = ... } (CloudFormation LogPublishingOptions.ES_APPLICATION_LOGS) with a log group resource policy that lets OpenSearch write."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html, https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-4]
#   compliance:
#     aws-fsbp: ["Opensearch.4"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.opensearch.error_logs_disabled

deny contains {"msg": sprintf("OpenSearch domain %s does not publish error logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "error_logs_enabled"} if {
	input.attributes.error_logs_enabled == false
}
