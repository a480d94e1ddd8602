# The CIS AWS Foundations monitoring controls (3.0 section 4.1-4.15) over
# the inventory: a multi-region, logging trail of the account delivers to
# a log group; a metric filter of that group matches the control's events;
# an alarm in the group's account and region watches the filter's metric
# (name and namespace) and notifies an SNS topic that has a subscriber.
#
# The verdict lands on each trail, the one kind both a live scan and IaC
# have (IaC has no aws.account): it says whether the trail's account has
# such a pipeline (any of its trails may carry it), so every trail of an
# account gets the same verdict.
package vigil.lib.monitoring

# carrier: a trail that can carry the monitoring.
carrier(t) if {
	t.attributes.is_multi_region
	t.attributes.is_logging
}

# log_group_targets are the log groups a trail delivers its events to:
# its logs_to relations that name a log group of the inventory, or the
# ARN of one outside it.
log_group_targets(t) := {rel.target |
	some rel in t.relations
	rel.type == "logs_to"
	log_group_id(rel.target)
}

log_group_id(x) if data.inventory.kinds["aws.logs.log_group"][x].id

log_group_id(x) if contains(x, ":log-group:")

# matches holds when a filter's conditions include every required one
# (FilterConditions normalizes spacing, quotes and parentheses).
matches(f, required) if {
	every c in required {
		c in f.conditions
	}
}

# topic_notifies: an alarm action publishes to an SNS topic with a
# subscriber; a topic outside the inventory (another account) counts as
# an SNS action whose subscribers cannot be seen.
topic_notifies(arn) if data.inventory.kinds["aws.sns.topic"][arn].attributes.subscriptions > 0

topic_notifies(arn) if {
	regex.match(`^arn:aws[a-z-]*:sns:`, arn)
	not data.inventory.kinds["aws.sns.topic"][arn].id
}

alarmed(lg, f) if {
	some al in data.inventory.accounts[lg.account].kinds["aws.cloudwatch.alarm"]
	al.region == lg.region
	al.attributes.metric_name == f.metric_name
	al.attributes.namespace == f.metric_namespace
	al.attributes.actions_enabled
	some arn in al.attributes.alarm_action_arns
	topic_notifies(arn)
}

monitored(required) if {
	# Trails are read in place, not through a helper set, so the engine
	# sees which of their attributes decide.
	some t in data.inventory.accounts[input.account].kinds["aws.cloudtrail.trail"]
	carrier(t)
	some target in log_group_targets(t)
	lg := data.inventory.kinds["aws.logs.log_group"][target]
	some f in lg.attributes.metric_filters
	matches(f, required)
	alarmed(lg, f)
}

# undecidable: a carrier delivers to a log group the inventory does not
# hold (IaC naming a group defined elsewhere): its filters are not known.
undecidable if {
	# Trails are read in place, not through a helper set, so the engine
	# sees which of their attributes decide.
	some t in data.inventory.accounts[input.account].kinds["aws.cloudtrail.trail"]
	carrier(t)
	some target in log_group_targets(t)
	not data.inventory.kinds["aws.logs.log_group"][target].id
}

# violations is the verdict of one control on the input trail.
violations(required, what) := {d |
	not monitored(required)
	not undecidable
	d := {
		"msg": sprintf("no multi-region logging trail of this account delivers to a log group with a metric filter for %s and an alarm that notifies a subscribed SNS topic", [what]),
		"path": "cloudwatch_logs_group_arn",
	}
} | {d |
	not monitored(required)
	undecidable
	d := {"msg": "a trail delivers to a log group outside the scanned inventory", "unknown": true}
}
