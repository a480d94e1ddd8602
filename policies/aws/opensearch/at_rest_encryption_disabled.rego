# METADATA
# title: "OpenSearch domain is not encrypted at rest"
# description: "Indexes, logs, swap and snapshots of a domain without encryption at rest are stored in plaintext."
# custom:
#   id: AWS-OPENSEARCH-001
#   severity: high
#   kinds: [aws.opensearch.domain]
#   remediation: "Set encrypt_at_rest { enabled = true } (optionally kms_key_id) on the domain."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.opensearch.at_rest_encryption_disabled

deny contains {"msg": sprintf("OpenSearch domain %s is not encrypted at rest", [object.get(input, "name", input.id)]), "path": "encrypt_at_rest"} if {
	not input.attributes.encrypt_at_rest
}
