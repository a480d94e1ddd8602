package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::CloudWatch::Alarm", model.KindCloudWatchAlarm, func(b *builder) {
		a := model.KindCloudWatchAlarm.Must(b.target)
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
}
