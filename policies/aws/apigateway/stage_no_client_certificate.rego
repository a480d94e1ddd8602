# METADATA
# title: "API Gateway REST stage presents no client certificate to its backend"
# description: "Without a client certificate, an HTTP backend cannot verify that requests come from API Gateway rather than from anyone who finds its endpoint."
# custom:
#   id: AWS-APIGW-023
#   severity: low
#   kinds: [aws.apigateway.stage]
#   remediation: "Generate an API Gateway client certificate (aws_api_gateway_client_certificate), set client_certificate_id on the stage (CloudFormation: ClientCertificateId) and make the backend require it."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-2]
#   compliance:
#     aws-fsbp: ["APIGateway.2"]
#     nist-800-53-r5: ["IA-3", "SC-8"]
package vigil.rules.aws.apigateway.stage_no_client_certificate

deny contains {"msg": sprintf("API Gateway stage %s does not authenticate itself to its backend with a client certificate", [object.get(input, "name", input.id)]), "path": "client_certificate_id"} if {
	input.attributes.api == "rest"
	input.attributes.client_certificate_id == ""
}
