# METADATA
# title: "Amazon MQ ActiveMQ broker does not publish audit logs"
# description: "ActiveMQ audit logs record management actions through JMX and the web console; without them a change to destinations or users cannot be traced. RabbitMQ brokers have no audit log."
# custom:
#   id: AWS-MQ-003
#   severity: medium
#   kinds: [aws.mq.broker]
#   remediation: "Set logs audit = true on ActiveMQ brokers."
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html]
#   compliance:
#     aws-fsbp: ["MQ.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.mq.audit_logs_disabled

deny contains {"msg": sprintf("Amazon MQ broker %s does not publish audit logs to CloudWatch Logs", [object.get(input, "name", input.id)]), "path": "audit_logs"} if {
	input.attributes.engine_type == "ACTIVEMQ"
	not input.attributes.audit_logs
}
