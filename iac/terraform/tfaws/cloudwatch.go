package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// CloudWatch metric alarms. An action that references a topic of the
// configuration names the topic's resource id, as a live alarm names the
// topic's ARN (its id there), so a rule joins both alike.
func init() {
	registerParent("aws_cloudwatch_metric_alarm", model.KindCloudWatchAlarm, func(b *Builder) {
		a := model.KindCloudWatchAlarm.Must(b.R)
		a.Name = b.NameFrom("alarm_name")
		a.MetricName = b.String("metric_name", "metric_name", "")
		a.Namespace = b.String("namespace", "namespace", "")
		a.ActionsEnabled = b.Bool("actions_enabled", "actions_enabled", true)
		a.AlarmActionARNs = b.Strings("alarm_actions", "alarm_action_arns")
		if a.AlarmActionARNs == nil {
			a.AlarmActionARNs = []string{}
		}
		a.AlarmActions = len(a.AlarmActionARNs)
		if b.R.IsUnknown("alarm_action_arns") {
			b.R.MarkUnknown("alarm_actions")
		}
	})
	finishers = append(finishers, finishAlarms)
}

func finishAlarms(all []*Builder) {
	var topics []*Builder
	for _, b := range all {
		if b.In.Type == "aws_sns_topic" {
			topics = append(topics, b)
		}
	}
	for _, b := range all {
		if b.In.Type != "aws_cloudwatch_metric_alarm" {
			continue
		}
		a := model.KindCloudWatchAlarm.Must(b.R)
		for i, arn := range a.AlarmActionARNs {
			t := placeholderOf(topics, arn, "aws_sns_topic")
			if t == nil {
				t = topicNamed(topics, arn, b.In.Module)
			}
			if t == nil {
				continue
			}
			a.AlarmActionARNs[i] = t.R.ID
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelNotifies, Target: t.R.ID})
		}
	}
}

// topicNamed finds a topic of the module by a literal ARN.
func topicNamed(topics []*Builder, arn, module string) *Builder {
	if !strings.Contains(arn, ":sns:") {
		return nil
	}
	name := arn[strings.LastIndexByte(arn, ':')+1:]
	for _, t := range topics {
		if t.In.Module == module && model.KindSNSTopic.Must(t.R).Name == name {
			return t
		}
	}
	return nil
}
