# METADATA
# title: "CloudFront sends traffic to a custom origin over plain HTTP"
# description: "A custom origin with protocol policy http-only, or match-viewer behind a behavior that lets viewers use HTTP, receives requests unencrypted between CloudFront and the origin, open to interception and tampering on the internet."
# custom:
#   id: AWS-CF-023
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set origin_protocol_policy = \"https-only\" in custom_origin_config (CloudFormation: CustomOriginConfig.OriginProtocolPolicy), with a certificate on the origin that CloudFront trusts."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9]
#   compliance:
#     aws-fsbp: ["CloudFront.9"]
#     nist-800-53-r5: ["SC-8", "SC-23"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.cloudfront.custom_origin_unencrypted

deny contains {"msg": sprintf("CloudFront distribution %s reaches origin %s over HTTP (%s)", [object.get(input, "name", input.id), o.domain_name, o.protocol_policy]), "path": sprintf("origins[%d].protocol_policy", [i])} if {
	some i, o in input.attributes.origins
	plain_http(o.protocol_policy)
}

plain_http(policy) if policy == "http-only"

# match-viewer forwards HTTP when a viewer may use it.
plain_http(policy) if {
	policy == "match-viewer"
	"allow-all" in input.attributes.viewer_protocol_policies
}
