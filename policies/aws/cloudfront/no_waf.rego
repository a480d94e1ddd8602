# METADATA
# title: "CloudFront distribution has no WAF web ACL"
# description: "Without a web ACL, the distribution forwards injection, bot and layer-7 flood traffic straight to the origin."
# custom:
#   id: AWS-CF-003
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Associate an AWS WAF web ACL through web_acl_id (a WAFv2 web ACL ARN with scope CLOUDFRONT)."
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html]
#   compliance:
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: ["SC-7"]
package vigil.rules.aws.cloudfront.no_waf

deny contains {"msg": sprintf("CloudFront distribution %s is not protected by a WAF web ACL", [object.get(input, "name", input.id)]), "path": "waf_web_acl"} if {
	input.attributes.waf_web_acl == ""
}
