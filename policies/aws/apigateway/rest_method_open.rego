# METADATA
# title: "API Gateway REST API method open to anyone"
# description: "A method whose authorization type is NONE and that requires no API key answers every caller who can reach the API's endpoint, on the internet for an edge-optimized or regional API. OPTIONS methods (CORS preflight, which browsers send without credentials) are left out. So are private APIs: their endpoint is reachable only through interface VPC endpoints, and only for callers their resource policy (which a private API must have to be invoked) allows."
# custom:
#   id: AWS-APIGW-031
#   severity: medium
#   kinds: [aws.apigateway.rest_api]
#   remediation: "Give the method an authorization type: AWS_IAM, or CUSTOM or COGNITO_USER_POOLS with an authorizer (Terraform aws_api_gateway_method authorization and authorizer_id; CloudFormation AWS::ApiGateway::Method AuthorizationType and AuthorizerId), or at least require an API key (api_key_required / ApiKeyRequired). A method meant to be public should be the deliberate exception, suppressed with a reason."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html, https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "IA-2"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.apigateway.rest_method_open

deny contains {"msg": sprintf("API Gateway REST API %s: %s %s has no authorization and requires no API key, so anyone who reaches the API can call it", [object.get(input, "name", input.id), m.http_method, m.path]), "path": sprintf("methods[%d].authorization_type", [i])} if {
	not private
	some i, m in input.attributes.methods
	m.http_method != "OPTIONS"
	m.authorization_type == "NONE"
	m.api_key_required == false
}

private if "PRIVATE" in input.attributes.endpoint_types
