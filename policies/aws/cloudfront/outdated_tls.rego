# METADATA
# title: "CloudFront accepts outdated TLS versions"
# description: "Viewers can negotiate TLS 1.0 or 1.1 with weak ciphers when the minimum protocol version is below TLSv1.2_2019 or the default *.cloudfront.net certificate is used."
# custom:
#   id: AWS-CF-002
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Use a custom certificate (acm_certificate_arn, ssl_support_method = \"sni-only\") with minimum_protocol_version = \"TLSv1.2_2021\"."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
package vigil.rules.aws.cloudfront.outdated_tls

modern := {"TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

deny contains {"msg": sprintf("CloudFront distribution %s uses the default CloudFront certificate, which accepts TLSv1", [object.get(input, "name", input.id)]), "path": "default_certificate"} if {
	input.attributes.default_certificate
}

deny contains {"msg": sprintf("CloudFront distribution %s allows minimum protocol version %s", [object.get(input, "name", input.id), v]), "path": "minimum_protocol_version"} if {
	not input.attributes.default_certificate
	v := input.attributes.minimum_protocol_version
	not v in modern
}
