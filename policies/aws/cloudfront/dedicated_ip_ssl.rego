# METADATA
# title: "CloudFront distribution serves HTTPS from dedicated IP addresses instead of SNI"
# description: "A custom certificate served with the vip method gives the distribution dedicated IP addresses at every edge location, at a monthly charge, only for clients without Server Name Indication support, which every current browser and HTTP client has. SNI serves the same certificate without it."
# custom:
#   id: AWS-CF-032
#   severity: low
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set viewer_certificate.ssl_support_method (CloudFormation: ViewerCertificate.SslSupportMethod) to sni-only."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-https-dedicated-ip-or-sni.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-8]
#   compliance:
#     aws-fsbp: ["CloudFront.8"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.cloudfront.dedicated_ip_ssl

deny contains {"msg": sprintf("CloudFront distribution %s serves its custom certificate from dedicated IP addresses (vip), not SNI", [object.get(input, "name", input.id)]), "path": "ssl_support_method"} if {
	not input.attributes.default_certificate
	input.attributes.ssl_support_method == "vip"
}
