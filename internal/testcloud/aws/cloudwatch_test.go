package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/vigil-sec/vigil/model"
)

// DescribeAlarms over RPCv2 CBOR round-trips the world's metric alarms,
// with ARNs made up where the world has none, and honours the filters.
func TestCloudWatchDescribeAlarms(t *testing.T) {
	w := fragmentWorld(t, "cloudwatch")
	world := w.Account(fragmentAccount).worldOf("cloudwatch", "us-east-1").(*cloudWatchWorld).MetricAlarms
	cfg, _ := testCloud(t, w)
	client := cloudwatch.NewFromConfig(cfg)
	ctx := context.Background()

	out, err := client.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeMetricAlarm}})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]cwtypes.MetricAlarm(nil), world...)
	for i := range want {
		if want[i].AlarmArn == nil {
			want[i].AlarmArn = aws.String("arn:aws:cloudwatch:us-east-1:111111111111:alarm:" + *want[i].AlarmName)
		}
		// The SDK's CBOR decoder reads an empty list as nil: the world's
		// empty action lists are sent, and come back as no actions.
		for _, l := range []*[]string{&want[i].AlarmActions, &want[i].OKActions, &want[i].InsufficientDataActions} {
			if len(*l) == 0 {
				*l = nil
			}
		}
	}
	sameJSON(t, "DescribeAlarms", out.MetricAlarms, want)
	if out.NextToken != nil || len(out.CompositeAlarms) != 0 {
		t.Errorf("one page of metric alarms only: %v %d", out.NextToken, len(out.CompositeAlarms))
	}

	eu, err := client.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{}, func(o *cloudwatch.Options) { o.Region = "eu-west-1" })
	if err != nil {
		t.Fatal(err)
	}
	if len(eu.MetricAlarms) != 1 || aws.ToFloat64(eu.MetricAlarms[0].Threshold) != 85.5 || eu.MetricAlarms[0].Dimensions[0].Value == nil {
		t.Errorf("eu-west-1: %+v", eu.MetricAlarms)
	}

	for _, tc := range []struct {
		in   cloudwatch.DescribeAlarmsInput
		want int
	}{
		{cloudwatch.DescribeAlarmsInput{AlarmNamePrefix: aws.String("cis-")}, 4},
		{cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"cis-iam-policy-changes", "nope"}}, 1},
		{cloudwatch.DescribeAlarmsInput{StateValue: cwtypes.StateValueAlarm}, 1},
		{cloudwatch.DescribeAlarmsInput{AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeCompositeAlarm}}, 0},
	} {
		out, err := client.DescribeAlarms(ctx, &tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.MetricAlarms) != tc.want {
			t.Errorf("%+v: want %d alarms, got %d", tc.in, tc.want, len(out.MetricAlarms))
		}
	}

	_, err = client.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{NextToken: aws.String("bogus")})
	var bad *cwtypes.InvalidNextToken
	if !errors.As(err, &bad) {
		t.Errorf("bad token: want InvalidNextToken, got %v", err)
	}
}

// Alarms page by 50, or by MaxRecords up to 100.
func TestCloudWatchPages(t *testing.T) {
	w := fragmentWorld(t, "cloudwatch")
	big := &cloudWatchWorld{}
	for i := range 230 {
		big.MetricAlarms = append(big.MetricAlarms, cwtypes.MetricAlarm{AlarmName: aws.String(fmt.Sprintf("alarm-%03d", i)),
			MetricName: aws.String("Errors"), Namespace: aws.String("AWS/Lambda"), StateValue: cwtypes.StateValueOk})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "cloudwatch", big)
	cfg, _ := testCloud(t, w)
	client := cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 5}, {100, 3}, {500, 3}, {30, 8}} {
		p := cloudwatch.NewDescribeAlarmsPaginator(client, &cloudwatch.DescribeAlarmsInput{}, func(o *cloudwatch.DescribeAlarmsPaginatorOptions) { o.Limit = tc.limit })
		var names []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, a := range out.MetricAlarms {
				names = append(names, aws.ToString(a.AlarmName))
			}
		}
		if pages != tc.pages || len(names) != 230 || names[229] != "alarm-229" {
			t.Errorf("MaxRecords %d: %d pages, %d alarms", tc.limit, pages, len(names))
		}
	}
}

// The collector reads each alarm's metric and whether it notifies.
func TestCloudWatchCollect(t *testing.T) {
	w := fragmentWorld(t, "cloudwatch")
	res := collectClean(t, w, "cloudwatch")
	alarms := byKind(res.Resources)["aws.cloudwatch.alarm"]
	if len(alarms) != 6 {
		t.Fatalf("want 6 alarms, got %d", len(alarms))
	}
	attrs := func(name string) *model.CloudWatchAlarm { return alarms[name].Attributes.(*model.CloudWatchAlarm) }
	if a := attrs("cis-root-account-usage"); a.MetricName != "RootAccountUsage" || a.Namespace != "CISBenchmark" || !a.ActionsEnabled || a.AlarmActions != 1 {
		t.Errorf("root usage alarm: %+v", a)
	}
	if a := attrs("cis-console-signin-without-mfa"); a.ActionsEnabled || a.AlarmActions != 1 {
		t.Errorf("muted alarm: %+v", a)
	}
	if a := attrs("cis-iam-policy-changes"); !a.ActionsEnabled || a.AlarmActions != 0 {
		t.Errorf("alarm without actions: %+v", a)
	}
	if r := alarms["cis-unauthorized-api-calls"]; r.ID != "arn:aws:cloudwatch:us-east-1:111111111111:alarm:cis-unauthorized-api-calls" {
		t.Errorf("made-up ARN: %s", r.ID)
	}
	if r := alarms["bastion-cpu-high"]; r.Region != "eu-west-1" || r.Attributes.(*model.CloudWatchAlarm).AlarmActions != 2 {
		t.Errorf("eu-west-1 alarm: %+v", r)
	}
}
