package aws

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestLogsAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	cfg := srv.Config(t, "us-east-1")
	client := cloudwatchlogs.NewFromConfig(cfg)
	ctx := context.Background()
	key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	keyARN := aws.ToString(key.KeyMetadata.Arn)
	if _, err := client.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("short"),
		Tags: map[string]string{"team": "app"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String("short"), RetentionInDays: aws.Int32(30)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("trail"), KmsKeyId: aws.String(keyARN)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutRetentionPolicy(ctx, &cloudwatchlogs.PutRetentionPolicyInput{LogGroupName: aws.String("trail"), RetentionInDays: aws.Int32(400)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutMetricFilter(ctx, &cloudwatchlogs.PutMetricFilterInput{LogGroupName: aws.String("trail"),
		FilterName: aws.String("root-usage"), FilterPattern: aws.String(`{ $.userIdentity.type = "Root" }`),
		MetricTransformations: []logstypes.MetricTransformation{{MetricName: aws.String("RootUsage"),
			MetricNamespace: aws.String("CIS"), MetricValue: aws.String("1")}}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"logs"})
	noErrors(t, res)
	groups := byKind(res, "aws.logs.log_group")
	if len(groups) != 2 {
		t.Fatalf("want 2 log groups, got %d", len(groups))
	}
	short, trail := groups["short"], groups["trail"]
	if a := short.Attributes.(*model.CloudWatchLogGroup); a.Name != "short" || a.KMSKeyID != "" || a.RetentionInDays != 30 ||
		short.ID != "arn:aws:logs:us-east-1:123456789012:log-group:short" || short.Tags["team"] != "app" {
		t.Errorf("short: %+v %+v", short, a)
	}
	if a := trail.Attributes.(*model.CloudWatchLogGroup); a.KMSKeyID != keyARN || a.RetentionInDays != 400 || len(trail.Relations) != 1 {
		t.Errorf("trail: %+v %+v", trail, a)
	}
	var raw struct {
		MetricFilters []struct{ FilterName, FilterPattern string }
	}
	if err := json.Unmarshal(trail.Raw, &raw); err != nil || len(raw.MetricFilters) != 1 || raw.MetricFilters[0].FilterName != "root-usage" {
		t.Errorf("metric filters in Raw: %v %s", err, trail.Raw)
	}
	// The filter is an attribute too, its pattern normalized.
	if mf := trail.Attributes.(*model.CloudWatchLogGroup).MetricFilters; len(mf) != 1 || mf[0].Name != "root-usage" ||
		mf[0].MetricName != "RootUsage" || mf[0].MetricNamespace != "CIS" || mf[0].MetricValue != "1" ||
		len(mf[0].Conditions) != 1 || mf[0].Conditions[0] != "$.userIdentity.type = Root" {
		t.Errorf("metric filters: %+v", mf)
	}
	if mf := short.Attributes.(*model.CloudWatchLogGroup).MetricFilters; mf == nil || len(mf) != 0 {
		t.Errorf("a group without filters has an empty list: %#v", mf)
	}
	fails := failing(t, res.Resources)
	if !fails["short"]["AWS-LOGS-001"] || fails["trail"]["AWS-LOGS-001"] {
		t.Errorf("AWS-LOGS-001: %v", fails)
	}
	if !fails["short"]["AWS-LOGS-002"] || fails["trail"]["AWS-LOGS-002"] {
		t.Errorf("AWS-LOGS-002: %v", fails)
	}
}
