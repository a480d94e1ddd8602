# METADATA
# title: "RDS deletion protection is disabled"
# description: "Without deletion protection a single API call or an unreviewed Terraform destroy removes the database."
# custom:
#   id: AWS-RDS-004
#   severity: low
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: "Set deletion_protection = true."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection]
#   compliance:
#     aws-fsbp: ["RDS.8"]
package vigil.rules.aws.rds.deletion_protection_disabled

deny contains {"msg": sprintf("%s has deletion protection disabled", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	standalone
	not input.attributes.deletion_protection
}

# Deletion protection of Aurora instances is a cluster setting.
standalone if input.kind == "aws.rds.cluster"

standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}
