package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("cloudwatch", false, collectCloudWatch) }

// collectCloudWatch reads every metric alarm (the metric it watches and
// whether it notifies anyone) into aws.cloudwatch.alarm: with the log
// groups' metric filters they make the CIS monitoring controls.
func collectCloudWatch(ctx context.Context, s *scope) {
	client := cloudwatch.NewFromConfig(s.Config())
	p := cloudwatch.NewDescribeAlarmsPaginator(client, &cloudwatch.DescribeAlarmsInput{
		AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeMetricAlarm}})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeAlarms", err)
			return
		}
		for _, m := range page.MetricAlarms {
			a := &model.CloudWatchAlarm{
				Name:           aws.ToString(m.AlarmName),
				MetricName:     aws.ToString(m.MetricName),
				Namespace:      aws.ToString(m.Namespace),
				ActionsEnabled: aws.ToBool(m.ActionsEnabled),
				AlarmActions:   len(m.AlarmActions),
				// The topics (and other actions) the alarm notifies.
				AlarmActionARNs: append([]string{}, m.AlarmActions...),
			}
			var rels []model.Relation
			for _, arn := range m.AlarmActions {
				if strings.Contains(arn, ":sns:") {
					rels = append(rels, model.Relation{Type: model.RelNotifies, Target: arn})
				}
			}
			s.add(aws.ToString(m.AlarmArn), model.KindCloudWatchAlarm.With(a), a.Name, m, nil, rels...)
		}
	}
}
