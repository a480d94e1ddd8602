# METADATA
# title: "ElastiCache replication group does not authenticate clients"
# description: >-
#   With neither an AUTH token nor an RBAC user group, any client that reaches the endpoint over the network can read, change and flush every key.
# custom:
#   id: AWS-ELASTICACHE-023
#   severity: medium
#   kinds: [aws.elasticache.replication_group]
#   remediation: >-
#     Turn on in-transit encryption and either set an AUTH token (auth_token; AuthToken) or, on Redis OSS 6 and later or Valkey, attach an RBAC user group (user_group_ids; UserGroupIds).
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html, https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6]
#   compliance:
#     nist-800-53-r5: ["IA-2", "AC-3"]
package vigil.rules.aws.elasticache.no_authentication

deny contains {"msg": sprintf("ElastiCache replication group %s authenticates no client (no AUTH token, no RBAC user group)", [object.get(input, "name", input.id)]), "path": "auth_token_set"} if {
	input.attributes.auth_token_set == false
	count(input.attributes.user_group_ids) == 0
}
