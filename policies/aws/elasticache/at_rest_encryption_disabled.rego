# METADATA
# title: "ElastiCache replication group is not encrypted at rest"
# description: "Cached data, backups and swap of an unencrypted replication group are stored in plaintext."
# custom:
#   id: AWS-ELASTICACHE-001
#   severity: medium
#   kinds: [aws.elasticache.replication_group]
#   remediation: "Create the replication group with at_rest_encryption_enabled = true (requires replacement)."
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html]
#   compliance:
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.elasticache.at_rest_encryption_disabled

deny contains {"msg": sprintf("ElastiCache replication group %s is not encrypted at rest", [object.get(input, "name", input.id)]), "path": "at_rest_encryption_enabled"} if {
	not input.attributes.at_rest_encryption_enabled
}
