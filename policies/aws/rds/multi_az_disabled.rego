# METADATA
# title: "RDS instance is not Multi-AZ"
# description: "A single-AZ instance is unavailable for the duration of an Availability Zone outage or host failure."
# custom:
#   id: AWS-RDS-008
#   severity: low
#   kinds: [aws.rds.instance]
#   remediation: "Set multi_az = true for production databases."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html]
#   compliance:
#     cis-aws-5.0: ["2.2.4"]
#     cis-aws-7.0: ["3.2.4"]
#     nist-800-53-r5: ["CP-10"]
package vigil.rules.aws.rds.multi_az_disabled

# Aurora instances get their availability from the cluster's replicas.
deny contains {"msg": sprintf("RDS instance %s runs in a single Availability Zone", [object.get(input, "name", input.id)]), "path": "multi_az"} if {
	a := input.attributes
	a.cluster_identifier == ""
	not a.multi_az
}
