package aws

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/vigil-sec/vigil/model"
)

// ListStateMachines, DescribeStateMachine and ListTagsForResource decode
// through the SDK with AWS's defaults (logging OFF, no tracing).
func TestSFNRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "sfn")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := sfn.NewFromConfig(cfg)
	list, err := client.ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
	if err != nil || len(list.StateMachines) != 2 || list.NextToken != nil ||
		aws.ToString(list.StateMachines[0].StateMachineArn) != "arn:aws:states:us-east-1:111111111111:stateMachine:order-fulfilment" {
		t.Fatalf("ListStateMachines: %+v %v", list, err)
	}
	d, err := client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: list.StateMachines[1].StateMachineArn})
	if err != nil || d.Type != sfntypes.StateMachineTypeExpress || d.LoggingConfiguration.Level != sfntypes.LogLevelAll || !d.TracingConfiguration.Enabled ||
		aws.ToString(d.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn) == "" {
		t.Errorf("DescribeStateMachine payments: %+v %v", d, err)
	}
	tags, err := client.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: list.StateMachines[0].StateMachineArn})
	if err != nil || len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Value) != "orders" {
		t.Errorf("ListTagsForResource: %+v %v", tags, err)
	}
	var nf *sfntypes.StateMachineDoesNotExist
	if _, err := client.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String("arn:aws:states:us-east-1:111111111111:stateMachine:nope")}); !errors.As(err, &nf) {
		t.Errorf("DescribeStateMachine nope: %v", err)
	}
}

func TestSFNCollector(t *testing.T) {
	w := fragmentWorld(t, "sfn")
	res := collectClean(t, w, "sfn")
	sms := byKind(res.Resources)["aws.sfn.state_machine"]
	orders, pay := sms["order-fulfilment"], sms["payments-settlement"]
	if orders == nil || pay == nil || orders.Tags["team"] != "orders" {
		t.Fatalf("state machines: %v", sms)
	}
	if a := orders.Attributes.(*model.SFNStateMachine); a.LoggingLevel != "OFF" || a.TracingEnabled || a.Type != "STANDARD" {
		t.Errorf("order-fulfilment: %+v", a)
	}
	if a := pay.Attributes.(*model.SFNStateMachine); a.LoggingLevel != "ALL" || !a.TracingEnabled || a.Type != "EXPRESS" {
		t.Errorf("payments-settlement: %+v", a)
	}
}
