# METADATA
# title: "Neptune deletion protection is disabled"
# description: "Without deletion protection a single API call or an unreviewed Terraform destroy removes the cluster."
# custom:
#   id: AWS-NEPTUNE-004
#   severity: low
#   kinds: [aws.neptune.cluster]
#   remediation: "Set deletion_protection = true."
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-instances-delete.html]
#   compliance:
#     aws-fsbp: ["Neptune.4"]
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.neptune.deletion_protection_disabled

deny contains {"msg": sprintf("Neptune cluster %s has deletion protection disabled", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	not input.attributes.deletion_protection
}
