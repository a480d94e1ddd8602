# METADATA
# title: "Route 53 public hosted zone does not sign its answers with DNSSEC"
# description: "Without DNSSEC signing, resolvers cannot verify that answers for the zone come from Route 53 unaltered, so a spoofed or cache-poisoned answer can send users of the domain elsewhere. Private zones cannot be signed and are not judged."
# custom:
#   id: AWS-R53-001
#   severity: medium
#   kinds: [aws.route53.hosted_zone]
#   remediation: "Create a key-signing key with an asymmetric KMS key in us-east-1, enable DNSSEC signing on the zone (aws_route53_hosted_zone_dnssec), and add the DS record at the parent zone or registrar."
#   references: [https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html]
#   compliance:
#     nist-800-53-r5: ["SC-20", "SC-21"]
package vigil.rules.aws.route53.dnssec_signing_disabled

deny contains {"msg": sprintf("public hosted zone %s is not signed with DNSSEC", [object.get(input, "name", input.id)]), "path": "dnssec_signing"} if {
	not input.attributes.private_zone
	not input.attributes.dnssec_signing
}
