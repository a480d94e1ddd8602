package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// The CIS monitoring pipeline in CloudFormation: metric filters join their
// log group, alarms name the topics they notify (a topic of the template
// by its resource id, as the live alarm names the topic's ARN), and
// subscriptions count on their topic.
func init() {
	child("AWS::Logs::MetricFilter", func(c *builder) {
		for _, p := range c.parentsOf("LogGroupName", "AWS::Logs::LogGroup") {
			c.onto(p)
			a := attrs[model.CloudWatchLogGroup](c)
			base := model.Path("metric_filters", len(a.MetricFilters))
			f := model.LogMetricFilter{
				Name:            c.str("FilterName", base+".name", ""),
				Pattern:         c.str("FilterPattern", base+".pattern", ""),
				MetricName:      c.str("MetricTransformations[0].MetricName", base+".metric_name", ""),
				MetricNamespace: c.str("MetricTransformations[0].MetricNamespace", base+".metric_namespace", ""),
				MetricValue:     c.str("MetricTransformations[0].MetricValue", base+".metric_value", ""),
			}
			f.Conditions = model.FilterConditions(f.Pattern)
			if c.target.IsUnknown(base + ".pattern") {
				c.target.MarkUnknown(base + ".conditions")
			}
			c.locate("", base)
			a.MetricFilters = append(a.MetricFilters, f)
		}
	})

	parent("AWS::CloudWatch::Alarm", "aws.cloudwatch.alarm", func(b *builder) {
		a := attrs[model.CloudWatchAlarm](b)
		a.Name = b.nameProp("AlarmName")
		a.MetricName = b.str("MetricName", "metric_name", "")
		a.Namespace = b.str("Namespace", "namespace", "")
		a.ActionsEnabled = b.boolean("ActionsEnabled", "actions_enabled", true)
		a.AlarmActionARNs = []string{}
		for _, v := range b.strs("AlarmActions", "alarm_action_arns") {
			if id := b.t.refID(v); id != "" {
				if r, ok := b.t.other(v); ok && r.typ == "AWS::SNS::Topic" {
					v = b.t.path + ":" + id
					b.relate(model.RelNotifies, v)
				}
			} else if strings.Contains(v, ":sns:") {
				b.relate(model.RelNotifies, v)
			}
			a.AlarmActionARNs = append(a.AlarmActionARNs, v)
		}
		a.AlarmActions = len(a.AlarmActionARNs)
		if b.target.IsUnknown("alarm_action_arns") {
			b.target.MarkUnknown("alarm_actions")
		}
	})

	child("AWS::SNS::Subscription", func(c *builder) {
		for _, p := range c.parentsOf("TopicArn", "AWS::SNS::Topic") {
			c.onto(p)
			attrs[model.SNSTopic](c).Subscriptions++
			c.locate("", "subscriptions")
		}
	})
}
