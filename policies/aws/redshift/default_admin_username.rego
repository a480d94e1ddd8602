# METADATA
# title: "Redshift cluster uses the default admin user name"
# description: >-
#   awsuser, the console's default admin name, is the first name a password-guessing attack tries; a name of your own leaves the attacker to guess both halves of the credential.
# custom:
#   id: AWS-REDSHIFT-024
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Create the cluster with another master_username (MasterUsername); the admin user of an existing cluster cannot be renamed, so restore a snapshot into a new cluster with a new name.
#   references: [https://docs.aws.amazon.com/redshift/latest/gsg/rs-gsg-launch-sample-cluster.html, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8]
#   compliance:
#     aws-fsbp: ["Redshift.8"]
#     nist-800-53-r5: ["CM-2", "AC-2"]
package vigil.rules.aws.redshift.default_admin_username

deny contains {"msg": sprintf("Redshift cluster %s uses the default admin user name awsuser", [object.get(input, "name", input.id)]), "path": "master_username"} if {
	input.attributes.master_username == "awsuser"
}
