# METADATA
# title: "Amazon MQ broker does not publish general logs"
# description: "Without general logs in CloudWatch Logs, broker errors, connections and configuration changes leave no record outside the broker."
# custom:
#   id: AWS-MQ-002
#   severity: medium
#   kinds: [aws.mq.broker]
#   remediation: "Set logs general = true."
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.mq.general_logs_disabled

deny contains {"msg": sprintf("Amazon MQ broker %s does not publish general logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "general_logs"} if {
	not input.attributes.general_logs
}
