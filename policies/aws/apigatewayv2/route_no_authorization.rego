# METADATA
# title: "API Gateway v2 route has no authorization"
# description: "A route whose authorization type is NONE answers anyone who can reach the API endpoint; for a WebSocket API, a $connect route without authorization lets anyone open a connection and send to every route."
# custom:
#   id: AWS-APIGW2-001
#   severity: medium
#   kinds: [aws.apigatewayv2.api]
#   remediation: "Give the route an authorizer: authorization_type = \"JWT\", \"AWS_IAM\" or \"CUSTOM\" with an authorizer_id (CloudFormation AuthorizationType and AuthorizerId); for a WebSocket API, on its $connect route. A route meant to be public should be the deliberate exception, suppressed with a reason."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8]
#   compliance:
#     aws-fsbp: ["APIGateway.8"]
#     nist-800-53-r5: ["AC-3", "IA-2"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.apigatewayv2.route_no_authorization

deny contains {"msg": sprintf("%s API %s: route %q has no authorization", [input.attributes.protocol_type, object.get(input, "name", input.id), key]), "path": sprintf("unauthorized_routes[%d]", [i])} if {
	some i, key in input.attributes.unauthorized_routes
}
