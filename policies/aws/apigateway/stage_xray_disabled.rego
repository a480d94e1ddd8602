# METADATA
# title: "API Gateway REST stage has X-Ray tracing turned off"
# description: "Without X-Ray tracing, requests through the stage cannot be followed to the backends they reach, which slows down finding the source of errors, latency or abuse."
# custom:
#   id: AWS-APIGW-020
#   severity: low
#   kinds: [aws.apigateway.stage]
#   remediation: "Set xray_tracing_enabled = true on the stage (CloudFormation: TracingEnabled: true)."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3]
#   compliance:
#     aws-fsbp: ["APIGateway.3"]
#     nist-800-53-r5: ["CA-7", "SI-4"]
package vigil.rules.aws.apigateway.stage_xray_disabled

# HTTP and WebSocket APIs (v2) do not support X-Ray tracing.
deny contains {"msg": sprintf("API Gateway stage %s does not trace requests with X-Ray", [object.get(input, "name", input.id)]), "path": "xray_tracing_enabled"} if {
	input.attributes.api == "rest"
	input.attributes.xray_tracing_enabled == false
}
