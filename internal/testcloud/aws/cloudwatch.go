package aws

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go/encoding/cbor"
)

// cloudWatchWorld is CloudWatch in one region: its metric alarms.
type cloudWatchWorld struct {
	MetricAlarms []cwtypes.MetricAlarm `json:"metric_alarms"`
}

// DescribeAlarms answers 50 alarms by default, 100 at most (MaxRecords).
const (
	cwAlarmPage    = 50
	cwAlarmPageMax = 100
)

func init() {
	register(&service{name: "cloudwatch", signing: "monitoring", protocol: protoCBOR,
		newWorld: func() any { return &cloudWatchWorld{} },
		ops: map[string]op{
			"DescribeAlarms": func(c *call) (any, error) {
				in, _ := cbor.Decode(c.body)
				args, _ := in.(cbor.Map)
				names := cwStrings(args["AlarmNames"])
				prefix, state := c.param("AlarmNamePrefix"), c.param("StateValue")
				// Without AlarmTypes only metric alarms are asked for; the
				// world holds no composite ones.
				var all []cwtypes.MetricAlarm
				if types := cwStrings(args["AlarmTypes"]); len(types) == 0 || slices.Contains(types, string(cwtypes.AlarmTypeMetricAlarm)) {
					for _, a := range worldOf[cloudWatchWorld](c).MetricAlarms {
						name := *a.AlarmName
						if (len(names) > 0 && !slices.Contains(names, name)) || !strings.HasPrefix(name, prefix) ||
							(state != "" && string(a.StateValue) != state) {
							continue
						}
						if a.AlarmArn == nil {
							a.AlarmArn = optional(c.arn("cloudwatch", "alarm:"+name))
						}
						all = append(all, a)
					}
				}
				size := cwAlarmPage
				if n, ok := args["MaxRecords"].(cbor.Uint); ok && n > 0 {
					size = min(int(n), cwAlarmPageMax)
				}
				items, next, err := page(all, c.param("NextToken"), size)
				if err != nil {
					return nil, err
				}
				return &cloudwatch.DescribeAlarmsOutput{MetricAlarms: items, NextToken: optional(next)}, nil
			},
		}})
}

// cwStrings is a CBOR list of strings.
func cwStrings(v cbor.Value) []string {
	l, _ := v.(cbor.List)
	var out []string
	for _, x := range l {
		if s, ok := x.(cbor.String); ok {
			out = append(out, string(s))
		}
	}
	return out
}
