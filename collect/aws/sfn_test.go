package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestSFNAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := sfn.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	def := aws.String(`{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}`)
	role := aws.String("arn:aws:iam::123456789012:role/sfn")
	if _, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("silent"), Definition: def, RoleArn: role,
		Tags: []sfntypes.Tag{{Key: aws.String("team"), Value: aws.String("orders")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("observed"), Definition: def, RoleArn: role,
		LoggingConfiguration: &sfntypes.LoggingConfiguration{Level: sfntypes.LogLevelError, Destinations: []sfntypes.LogDestination{{
			CloudWatchLogsLogGroup: &sfntypes.CloudWatchLogsLogGroup{LogGroupArn: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:sfn:*")}}}},
		TracingConfiguration: &sfntypes.TracingConfiguration{Enabled: true}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"sfn"})
	noErrors(t, res)
	sms := byKind(res, "aws.sfn.state_machine")
	silent, observed := sms["silent"], sms["observed"]
	if silent == nil || observed == nil {
		t.Fatalf("state machines: %v", sms)
	}
	if silent.ID != "arn:aws:states:us-east-1:123456789012:stateMachine:silent" || silent.Tags["team"] != "orders" {
		t.Errorf("identity: %+v", silent)
	}
	if a := silent.Attributes.(*model.SFNStateMachine); a.LoggingLevel != "OFF" || a.TracingEnabled || a.Type != "STANDARD" {
		t.Errorf("silent: %+v", a)
	}
	if a := observed.Attributes.(*model.SFNStateMachine); a.LoggingLevel != "ERROR" || !a.TracingEnabled {
		t.Errorf("observed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-SFN-001", "AWS-SFN-002"} {
		if !fails["silent"][id] || fails["observed"][id] {
			t.Errorf("%s: silent %v, observed %v", id, fails["silent"], fails["observed"])
		}
	}
}
