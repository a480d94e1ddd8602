# METADATA
# title: "ElastiCache replication group does not encrypt traffic in transit"
# description: "Without in-transit encryption cache traffic, including AUTH tokens, crosses the network in cleartext."
# custom:
#   id: AWS-ELASTICACHE-002
#   severity: medium
#   kinds: [aws.elasticache.replication_group]
#   remediation: "Set transit_encryption_enabled = true (and an auth_token or RBAC user group)."
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.elasticache.transit_encryption_disabled

deny contains {"msg": sprintf("ElastiCache replication group %s does not encrypt traffic in transit", [object.get(input, "name", input.id)]), "path": "transit_encryption_enabled"} if {
	not input.attributes.transit_encryption_enabled
}
