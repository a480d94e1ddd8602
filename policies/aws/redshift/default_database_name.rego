# METADATA
# title: "Redshift cluster uses the default database name"
# description: >-
#   dev, the database Redshift creates unless told otherwise, is the name an attacker with a stolen password tries first; it also says nothing of what the cluster holds.
# custom:
#   id: AWS-REDSHIFT-025
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Give the cluster's database a name of your own (database_name; DBName); the first database cannot be renamed, so create a new cluster or database and move the data.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/create-cluster.html, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-9]
#   compliance:
#     aws-fsbp: ["Redshift.9"]
#     nist-800-53-r5: ["CM-2"]
package vigil.rules.aws.redshift.default_database_name

deny contains {"msg": sprintf("Redshift cluster %s uses the default database name dev", [object.get(input, "name", input.id)]), "path": "db_name"} if {
	input.attributes.db_name == "dev"
}
