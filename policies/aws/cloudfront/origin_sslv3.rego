# METADATA
# title: "CloudFront may use SSLv3 to reach a custom origin"
# description: "SSLv3 (prohibited by RFC 7568, broken by POODLE) is among the protocols CloudFront may negotiate with a custom origin over HTTPS, so an attacker on the path between the edge and the origin can force it and decrypt the traffic. Origins reached over HTTP only are judged by AWS-CF-023; a CloudFormation origin without OriginSSLProtocols gets no verdict, as the protocols CloudFormation then picks are not documented."
# custom:
#   id: AWS-CF-033
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set custom_origin_config.origin_ssl_protocols (CloudFormation: CustomOriginConfig.OriginSSLProtocols) to [\"TLSv1.2\"]."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10, https://www.rfc-editor.org/rfc/rfc7568]
#   compliance:
#     aws-fsbp: ["CloudFront.10"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
package vigil.rules.aws.cloudfront.origin_sslv3

tls_origin(o) if {
	o.s3 == false
	o.protocol_policy != "http-only"
}

deny contains {"msg": sprintf("CloudFront distribution %s may use SSLv3 to reach origin %s", [object.get(input, "name", input.id), o.domain_name]), "path": sprintf("origins[%d].ssl_protocols", [i])} if {
	some i, o in input.attributes.origins
	tls_origin(o)
	"SSLv3" in o.ssl_protocols
}

deny contains {"msg": sprintf("the SSL protocols of origin %s are left to an undocumented default", [o.domain_name]), "unknown": true} if {
	some i, o in input.attributes.origins
	tls_origin(o)
	sprintf("origins[%d].ssl_protocols", [i]) in input.attributes.assumed_defaults
}
