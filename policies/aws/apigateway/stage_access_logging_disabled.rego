# METADATA
# title: "API Gateway stage has no access logging"
# description: "Without access logs there is no record of who called the API, from where, and with what result."
# custom:
#   id: AWS-APIGW-001
#   severity: medium
#   kinds: [aws.apigateway.stage]
#   remediation: "Add an access_log_settings block with a CloudWatch Logs or Firehose destination_arn and a format."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html]
#   compliance:
#     cis-aws-7.0: ["4.10"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.apigateway.stage_access_logging_disabled

deny contains {"msg": sprintf("API Gateway stage %s does not write access logs", [object.get(input, "name", input.id)]), "path": "access_logs_enabled"} if {
	not input.attributes.access_logs_enabled
}
