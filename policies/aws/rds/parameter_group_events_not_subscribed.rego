# METADATA
# title: No RDS event subscription notifies of parameter group configuration changes
# description: >-
#   No enabled RDS event notification subscription in the instance's account and region sends the
#   configuration change events of DB parameter groups to SNS (AWS Security Hub FSBP RDS.21), so a
#   change that turns off TLS enforcement, audit logging or password checks in the parameter group
#   the instance uses reaches nobody. A subscription covers it when its source type is
#   db-parameter-group (or unset: every type), its source ids are empty (every parameter group) and
#   its categories are empty or include configuration change. One naming parameter groups gives no
#   verdict: which group the instance uses is not in its model. On a source that reads whole regions
#   (a live scan, a snapshot) a missing subscription is a failure; on IaC it is unknown (it may live in
#   another configuration). No verdict either when the subscriptions could not be listed.
# custom:
#   id: AWS-RDS-034
#   severity: low
#   kinds: [aws.rds.instance]
#   remediation: Create an event subscription (aws_db_event_subscription) with source_type db-parameter-group, no source ids and the category configuration change, to an SNS topic someone watches.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-21]
#   compliance:
#     aws-fsbp: ["RDS.21"]
#     nist-800-53-r5: ["CM-3", "SI-4"]
package vigil.rules.aws.rds.parameter_group_events_not_subscribed

whole_region := {"live", "snapshot"}

# covered: an enabled subscription of the instance's region sends the
# configuration changes of every parameter group.
covered if {
	some sub in data.inventory.accounts[input.account].kinds["aws.rds.event_subscription"]
	sub.region == input.region
	a := sub.attributes
	a.enabled
	a.source_type in {"", "db-parameter-group"}
	count(a.source_ids) == 0
	has_change(a.event_categories)
}

some_groups_named if {
	some sub in data.inventory.accounts[input.account].kinds["aws.rds.event_subscription"]
	sub.region == input.region
	a := sub.attributes
	a.enabled
	a.source_type == "db-parameter-group"
	count(a.source_ids) > 0
	has_change(a.event_categories)
}

has_change(cats) if count(cats) == 0

has_change(cats) if "configuration change" in cats

deny contains {"msg": msg, "path": ""} if {
	whole_region[input.source]
	not covered
	not some_groups_named
	msg := sprintf("no enabled event subscription sends the configuration change events of the parameter groups in %s (RDS instance %s)", [input.region, input.name])
}

deny contains {"msg": "a subscription names parameter groups; which one the instance uses is not known", "unknown": true} if {
	not covered
	some_groups_named
}

deny contains {"msg": "an IaC configuration may leave event subscriptions to another configuration", "unknown": true} if {
	not whole_region[input.source]
	not covered
}
