# METADATA
# title: "API Gateway v2 API served through a custom domain keeps its default endpoint"
# description: "When an API has a custom domain name, its default execute-api endpoint is a second way in that bypasses what the custom domain enforces (mutual TLS, a minimum TLS policy, the base path mapping, the WAF or CDN in front of the domain)."
# custom:
#   id: AWS-APIGW2-002
#   severity: medium
#   kinds: [aws.apigatewayv2.api]
#   remediation: "Set disable_execute_api_endpoint = true (CloudFormation DisableExecuteApiEndpoint: true) so that clients reach the API only through its custom domain names, and redeploy."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-disable-default-endpoint.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mutual-tls.html]
#   compliance:
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.apigatewayv2.default_endpoint_enabled

deny contains {"msg": sprintf("API %s is served through %s but its default execute-api endpoint is enabled", [object.get(input, "name", input.id), concat(", ", input.attributes.custom_domain_names)]), "path": "disable_execute_api_endpoint"} if {
	count(input.attributes.custom_domain_names) > 0
	input.attributes.disable_execute_api_endpoint == false
}
