# METADATA
# title: No RDS event subscription notifies of the cluster's critical events
# description: >-
#   No enabled RDS event notification subscription in the cluster's account and region sends its
#   maintenance and failure events to SNS (AWS Security Hub FSBP RDS.19), so a failover or a pending
#   forced maintenance of the cluster reaches nobody. A subscription covers the cluster when its
#   source type is db-cluster (or unset: every type), its source ids are empty (every cluster) or
#   name the cluster, and its categories are empty (every category) or include the category. On a
#   source that reads whole regions (a live scan, a snapshot) a missing category is a failure; an IaC
#   configuration may leave subscriptions to another configuration, so there it gives no verdict,
#   and a covering subscription a pass. No verdict either when the subscriptions could not be listed.
# custom:
#   id: AWS-RDS-031
#   severity: low
#   kinds: [aws.rds.cluster]
#   remediation: Create an event subscription (aws_db_event_subscription) with source_type db-cluster and the categories maintenance and failure, for every cluster or naming this one, to an SNS topic someone watches.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Events.Subscribing.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-19]
#   compliance:
#     aws-fsbp: ["RDS.19"]
#     nist-800-53-r5: ["SI-4", "IR-6"]
package vigil.rules.aws.rds.cluster_events_not_subscribed

whole_region := {"live", "snapshot"}

critical := {"maintenance", "failure"}

# covered contains the critical categories some enabled subscription of
# the cluster's region sends.
covered contains c if {
	some sub in data.inventory.accounts[input.account].kinds["aws.rds.event_subscription"]
	sub.region == input.region
	a := sub.attributes
	a.enabled
	a.source_type in {"", "db-cluster"}
	names_source(a.source_ids, input.name)
	some c in critical
	has_category(a.event_categories, c)
}

names_source(ids, _) if count(ids) == 0

names_source(ids, name) if name in ids

has_category(cats, _) if count(cats) == 0

has_category(cats, c) if c in cats

missing := critical - covered

deny contains {"msg": msg, "path": ""} if {
	whole_region[input.source]
	count(missing) > 0
	msg := sprintf("no enabled event subscription sends the %s events of RDS cluster %s", [concat(", ", sort(missing)), input.name])
}

deny contains {"msg": "an IaC configuration may leave event subscriptions to another configuration", "unknown": true} if {
	not whole_region[input.source]
	count(missing) > 0
}
