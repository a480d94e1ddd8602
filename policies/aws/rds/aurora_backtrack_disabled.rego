# METADATA
# title: "Aurora MySQL cluster has backtracking turned off"
# description: "Backtracking rewinds an Aurora MySQL cluster to a point in time within minutes, without restoring a new cluster from backup; without it, recovering from a destructive statement or a ransomware-style wipe means a full point-in-time restore."
# custom:
#   id: AWS-RDS-024
#   severity: medium
#   kinds: [aws.rds.cluster]
#   remediation: "Set backtrack_window (seconds, up to 259200 = 72 hours; CloudFormation: BacktrackWindow). Backtracking can be turned on only when the cluster is created or restored from a snapshot, so restore a backtrack-enabled copy and switch over."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-14]
#   compliance:
#     aws-fsbp: ["RDS.14"]
#     nist-800-53-r5: ["CP-10", "SI-13"]
package vigil.rules.aws.rds.aurora_backtrack_disabled

deny contains {"msg": sprintf("Aurora MySQL cluster %s has backtracking turned off", [object.get(input, "name", input.id)]), "path": "backtrack_window"} if {
	a := input.attributes
	a.engine in {"aurora", "aurora-mysql"} # "aurora": Aurora MySQL 5.6
	a.backtrack_window == 0
}
