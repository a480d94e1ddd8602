# METADATA
# title: RDS DB snapshot is public
# description: >-
#   A manual DB snapshot whose restore attribute names "all" can be restored into any AWS
#   account: whoever restores it reads every row of the database it was taken from.
# custom:
#   id: AWS-RDS-025
#   severity: critical
#   kinds: [aws.rds.snapshot]
#   remediation: >-
#     Remove "all" from the snapshot's restore attribute (aws rds modify-db-snapshot-attribute
#     --attribute-name restore --values-to-remove all) and share it with named accounts only.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1]
#   compliance:
#     aws-fsbp: ["RDS.1"]
#     nist-800-53-r5: ["AC-3", "AC-21", "SC-7"]
#     pci-dss-4.0: ["1.4.4", "7.2.1"]
package vigil.rules.aws.rds.snapshot_public

deny contains {"msg": sprintf("DB snapshot %s can be restored by every AWS account", [object.get(input, "name", input.id)]), "path": "public"} if {
	input.attributes.public == true
}
