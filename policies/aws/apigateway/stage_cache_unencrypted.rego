# METADATA
# title: "API Gateway REST stage caches responses unencrypted"
# description: "A stage cache holds API responses, often personal or business data, for their time to live; unencrypted, it is stored in clear at rest."
# custom:
#   id: AWS-APIGW-021
#   severity: medium
#   kinds: [aws.apigateway.stage]
#   remediation: "Set cache_data_encrypted = true in the stage's method settings for */* (Terraform aws_api_gateway_method_settings; CloudFormation MethodSettings CacheDataEncrypted)."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5]
#   compliance:
#     aws-fsbp: ["APIGateway.5"]
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.apigateway.stage_cache_unencrypted

deny contains {"msg": sprintf("API Gateway stage %s caches responses without encrypting them", [object.get(input, "name", input.id)]), "path": "cache_encrypted"} if {
	input.attributes.api == "rest"
	input.attributes.cache_cluster_enabled == true
	input.attributes.cache_encrypted == false
}
