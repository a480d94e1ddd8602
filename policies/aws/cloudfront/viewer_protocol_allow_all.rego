# METADATA
# title: "CloudFront allows unencrypted HTTP to viewers"
# description: "A cache behavior with viewer protocol allow-all serves content over plain HTTP, open to interception and tampering."
# custom:
#   id: AWS-CF-001
#   severity: medium
#   kinds: [aws.cloudfront.distribution]
#   remediation: "Set viewer_protocol_policy = \"redirect-to-https\" or \"https-only\" on the default and every ordered cache behavior."
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.cloudfront.viewer_protocol_allow_all

deny contains {"msg": sprintf("CloudFront distribution %s cache behavior %d allows HTTP (viewer protocol policy allow-all)", [object.get(input, "name", input.id), i]), "path": sprintf("viewer_protocol_policies[%d]", [i])} if {
	some i, p in input.attributes.viewer_protocol_policies
	p == "allow-all"
}
