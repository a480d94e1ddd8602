# METADATA
# title: "API Gateway REST stage does not write execution logs"
# description: "Execution logging (CloudWatch logging level ERROR or INFO) records how API Gateway handled each request: authorizer and integration errors, throttling, mapping failures. With the stage-wide */* method setting OFF or absent, or a method's own setting OFF, those requests leave no trace to investigate an incident with. HTTP and WebSocket (v2) stages are not judged here."
# custom:
#   id: AWS-APIGW-030
#   severity: medium
#   kinds: [aws.apigateway.stage]
#   remediation: "Set the account's CloudWatch role for API Gateway, then an aws_api_gateway_method_settings with method_path = \"*/*\" and settings.logging_level = \"ERROR\" or \"INFO\" (CloudFormation: MethodSettings with ResourcePath \"/*\", HttpMethod \"*\" and LoggingLevel); remove method settings that turn it OFF."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1]
#   compliance:
#     aws-fsbp: ["APIGateway.1"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12", "SI-4"]
package vigil.rules.aws.apigateway.stage_execution_logging_off

logging := {"ERROR", "INFO"}

deny contains {"msg": sprintf("API Gateway stage %s has execution logging level %s", [object.get(input, "name", input.id), input.attributes.execution_logging_level]), "path": "execution_logging_level"} if {
	input.attributes.api == "rest"
	not logging[input.attributes.execution_logging_level]
}

deny contains {"msg": sprintf("API Gateway stage %s turns execution logging off for %s", [object.get(input, "name", input.id), m]), "path": "execution_logging_off_methods"} if {
	input.attributes.api == "rest"
	some m in input.attributes.execution_logging_off_methods
}
