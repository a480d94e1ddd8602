# METADATA
# title: "RDS instance or cluster does not copy its tags to snapshots"
# description: "Snapshots taken without the database's tags lose the owner, data-classification and cost tags that tag-based access control, backup policies and inventory rely on, so a snapshot of sensitive data is not recognized as one."
# custom:
#   id: AWS-RDS-022
#   severity: low
#   kinds: [aws.rds.instance, aws.rds.cluster]
#   remediation: "Set copy_tags_to_snapshot = true (CloudFormation: CopyTagsToSnapshot: true) on the DB instance, or on the cluster for Aurora."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17]
#   compliance:
#     aws-fsbp: ["RDS.16", "RDS.17"]
#     nist-800-53-r5: ["CM-8"]
package vigil.rules.aws.rds.copy_tags_to_snapshot_disabled

deny contains {"msg": sprintf("%s does not copy its tags to its snapshots", [object.get(input, "name", input.id)]), "path": "copy_tags_to_snapshot"} if {
	standalone
	not input.attributes.copy_tags_to_snapshot
}

standalone if input.kind == "aws.rds.cluster"

# An Aurora member's snapshots are the cluster's: the cluster's setting applies.
standalone if {
	input.kind == "aws.rds.instance"
	input.attributes.cluster_identifier == ""
}
