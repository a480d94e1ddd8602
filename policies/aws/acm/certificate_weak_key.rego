# METADATA
# title: ACM certificate uses an RSA key shorter than 2048 bits
# description: >-
#   A 1024-bit RSA key is below every current baseline (NIST SP 800-131A disallows it for
#   signatures) and can be factored by a well-resourced attacker. ACM only issues 2048-bit or
#   larger RSA and EC keys, so a short key comes from an imported certificate.
# custom:
#   id: AWS-ACM-002
#   severity: high
#   kinds: [aws.acm.certificate]
#   remediation: Issue a new certificate with an RSA 2048-bit (or larger) or an ECDSA key, move its users to it, and delete the old one.
#   references: [https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms]
#   compliance:
#     nist-800-53-r5: ["SC-13"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.acm.certificate_weak_key

weak := {"RSA_1024"}

deny contains {"msg": msg, "path": "key_algorithm"} if {
	weak[input.attributes.key_algorithm]
	msg := sprintf("certificate for %s uses a %s key", [input.attributes.domain, input.attributes.key_algorithm])
}
