# METADATA
# title: No RDS event subscription notifies of the instance's critical events
# description: >-
#   No enabled RDS event notification subscription in the instance's account and region sends its
#   maintenance, configuration change and failure events to SNS (AWS Security Hub FSBP RDS.20), so a
#   failover, a storage-full failure or a pending forced maintenance reaches nobody. A subscription
#   covers the instance when its source type is db-instance (or unset: every type), its source ids
#   are empty (every instance) or name the instance, and its categories are empty (every category)
#   or include the category; several subscriptions may cover one category each. The rule looks at
#   every subscription of the account in the inventory: on a source that reads whole regions (a live
#   scan, a snapshot) a missing category is a failure; an IaC configuration may leave subscriptions
#   to another configuration, so there a missing category gives no verdict, and a covering one a pass.
#   No verdict either when the subscriptions could not be listed.
# custom:
#   id: AWS-RDS-030
#   severity: low
#   kinds: [aws.rds.instance]
#   remediation: Create an event subscription (aws_db_event_subscription) with source_type db-instance and the categories maintenance, configuration change and failure, for every instance or naming this one, to an SNS topic someone watches.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html, https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-20]
#   compliance:
#     aws-fsbp: ["RDS.20"]
#     nist-800-53-r5: ["SI-4", "IR-6"]
package vigil.rules.aws.rds.instance_events_not_subscribed

whole_region := {"live", "snapshot"}

critical := {"maintenance", "configuration change", "failure"}

# covered contains the critical categories some enabled subscription of
# the instance's region sends.
covered contains c if {
	some sub in data.inventory.accounts[input.account].kinds["aws.rds.event_subscription"]
	sub.region == input.region
	a := sub.attributes
	a.enabled
	a.source_type in {"", "db-instance"}
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
	msg := sprintf("no enabled event subscription sends the %s events of RDS instance %s", [concat(", ", sort(missing)), input.name])
}

deny contains {"msg": "an IaC configuration may leave event subscriptions to another configuration", "unknown": true} if {
	not whole_region[input.source]
	count(missing) > 0
}
