# METADATA
# title: RDS instance or cluster keeps the default master user name
# description: >-
#   The master (administrator) user keeps the name the console proposes, admin (MySQL, MariaDB,
#   Oracle, SQL Server, Db2, Aurora MySQL) or postgres (PostgreSQL, Aurora PostgreSQL), so an
#   attacker guessing credentials needs only the password of the most privileged user (AWS Security
#   Hub FSBP RDS.24 for clusters, RDS.25 for instances). The name is fixed at creation. Aurora
#   members share their cluster's master user, judged on the cluster; a replica or snapshot restore
#   that does not declare it is unknown on IaC.
# custom:
#   id: AWS-RDS-033
#   severity: low
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: Create the database with a custom master user name (username / master_username; CloudFormation MasterUsername), e.g. by restoring a snapshot into a new instance or cluster, or manage the master password with Secrets Manager and use named users for day-to-day work.
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-24, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-25, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.MasterAccounts.html]
#   compliance:
#     aws-fsbp: ["RDS.24", "RDS.25"]
#     nist-800-53-r5: ["AC-2", "IA-5"]
package vigil.rules.aws.rds.default_master_username

defaults := {"admin", "postgres"}

deny contains {"msg": msg, "path": "master_username"} if {
	standalone
	u := input.attributes.master_username
	defaults[lower(u)]
	msg := sprintf("%s keeps the default master user name %s", [object.get(input, "name", input.id), u])
}

standalone if input.kind == "aws.rds.cluster"

standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}
