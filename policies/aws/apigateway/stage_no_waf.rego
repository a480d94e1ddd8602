# METADATA
# title: "API Gateway REST stage has no WAF web ACL"
# description: "Without a web ACL, injection attempts, bots and request floods reach the API's integrations unfiltered."
# custom:
#   id: AWS-APIGW-022
#   severity: medium
#   kinds: [aws.apigateway.stage]
#   remediation: "Associate a regional AWS WAF web ACL with the stage (Terraform aws_wafv2_web_acl_association; CloudFormation AWS::WAFv2::WebACLAssociation)."
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html, https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4]
#   compliance:
#     aws-fsbp: ["APIGateway.4"]
#     nist-800-53-r5: ["SC-7", "SI-4"]
#     pci-dss-4.0: ["6.4.2"]
package vigil.rules.aws.apigateway.stage_no_waf

# HTTP and WebSocket APIs (v2) cannot be associated with AWS WAF.
deny contains {"msg": sprintf("API Gateway stage %s is not protected by a WAF web ACL", [object.get(input, "name", input.id)]), "path": "waf_web_acl"} if {
	input.attributes.api == "rest"
	input.attributes.waf_web_acl == ""
}
