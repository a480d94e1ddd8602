# METADATA
# title: "MSK broker logs are not delivered"
# description: "Without broker logs to CloudWatch Logs, Firehose or S3, authentication failures and broker errors leave no record outside the brokers."
# custom:
#   id: AWS-MSK-006
#   severity: medium
#   kinds: [aws.msk.cluster]
#   remediation: "Enable logging_info broker_logs to CloudWatch Logs, Firehose or S3."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.msk.broker_logs_disabled

deny contains {"msg": sprintf("MSK cluster %s does not deliver its broker logs anywhere", [object.get(input, "name", input.id)]), "path": "broker_logging"} if {
	input.attributes.type == "PROVISIONED"
	not input.attributes.broker_logging
}
