# METADATA
# title: "Redshift cluster keeps automated snapshots for less than 7 days"
# description: >-
#   Automated snapshots are the cluster's point-in-time recovery: with none (0 days) or only a few days of them, data deleted or corrupted by a mistake or an attacker cannot be restored once the short window has passed.
# custom:
#   id: AWS-REDSHIFT-023
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Set automated_snapshot_retention_period (AutomatedSnapshotRetentionPeriod) to at least 7 days; the default is 1.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#about-automated-snapshots, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3]
#   compliance:
#     aws-fsbp: ["Redshift.3"]
#     nist-800-53-r5: ["CP-9", "CP-10"]
package vigil.rules.aws.redshift.snapshot_retention_short

deny contains {"msg": sprintf("Redshift cluster %s keeps automated snapshots for %d days (fewer than 7)", [object.get(input, "name", input.id), input.attributes.automated_snapshot_retention_period]), "path": "automated_snapshot_retention_period"} if {
	input.attributes.automated_snapshot_retention_period < 7
}
