# METADATA
# title: "DocumentDB deletion protection is disabled"
# description: "Without deletion protection a single API call or an unreviewed Terraform destroy removes the cluster."
# custom:
#   id: AWS-DOCDB-004
#   severity: low
#   kinds: [aws.docdb.cluster]
#   remediation: "Set deletion_protection = true."
#   references: [https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html#db-cluster-deletion-protection]
#   compliance:
#     aws-fsbp: ["DocumentDB.5"]
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.docdb.deletion_protection_disabled

deny contains {"msg": sprintf("DocumentDB cluster %s has deletion protection disabled", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	not input.attributes.deletion_protection
}
