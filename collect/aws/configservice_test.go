package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestConfigServiceAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	if _, err := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("config-logs")}); err != nil {
		t.Fatal(err)
	}
	const role = "arn:aws:iam::123456789012:role/config"
	east := configservice.NewFromConfig(srv.Config(t, "us-east-1"))
	if _, err := east.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &cfgtypes.ConfigurationRecorder{
		Name: aws.String("main"), RoleARN: aws.String(role),
		RecordingGroup: &cfgtypes.RecordingGroup{AllSupported: true, IncludeGlobalResourceTypes: true}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := east.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &cfgtypes.DeliveryChannel{
		Name: aws.String("main"), S3BucketName: aws.String("config-logs")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := east.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("main")}); err != nil {
		t.Fatal(err)
	}
	west := configservice.NewFromConfig(srv.Config(t, "eu-west-1"))
	if _, err := west.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: &cfgtypes.ConfigurationRecorder{
		Name: aws.String("partial"), RoleARN: aws.String(role),
		RecordingGroup: &cfgtypes.RecordingGroup{ResourceTypes: []cfgtypes.ResourceType{cfgtypes.ResourceTypeBucket},
			RecordingStrategy: &cfgtypes.RecordingStrategy{UseOnly: cfgtypes.RecordingStrategyTypeInclusionByResourceTypes}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := east.PutConfigurationAggregator(ctx, &configservice.PutConfigurationAggregatorInput{ConfigurationAggregatorName: aws.String("accounts"),
		AccountAggregationSources: []cfgtypes.AccountAggregationSource{{AccountIds: []string{"123456789012", "210987654321"}, AllAwsRegions: true}}}); err != nil {
		t.Fatal(err)
	}

	res := collectMoto(t, srv, []string{"configservice"}, "us-east-1", "eu-west-1", "us-west-2")
	noErrors(t, res)
	aggs := byKind(res, "aws.config.aggregator")
	if g := aggs["accounts"]; len(aggs) != 1 || g == nil || g.Region != "us-east-1" ||
		*g.Attributes.(*model.ConfigAggregator) != (model.ConfigAggregator{Name: "accounts", AllRegions: true, AccountSources: 1}) {
		t.Errorf("aggregators: %v", aggs)
	}
	recs := byKind(res, "aws.config.recorder")
	if len(recs) != 2 {
		t.Fatalf("want 2 recorders, got %v", recs)
	}
	m := recs["main"]
	if a := m.Attributes.(*model.ConfigRecorder); *a != (model.ConfigRecorder{Name: "main", Recording: true, AllSupported: true, IncludeGlobalResourceTypes: true}) ||
		m.Region != "us-east-1" || len(m.Raw) == 0 {
		t.Errorf("main recorder: %+v %+v", m, a)
	}
	if a := recs["partial"].Attributes.(*model.ConfigRecorder); *a != (model.ConfigRecorder{Name: "partial"}) {
		t.Errorf("partial recorder: %+v", a)
	}
	facts := regionFacts(res)
	for region, want := range map[string]bool{"us-east-1": true, "eu-west-1": false, "us-west-2": false} {
		if f := facts[region]; f == nil || f.ConfigRecording == nil || *f.ConfigRecording != want {
			t.Errorf("%s config_recording: want %v, got %+v", region, want, f)
		}
	}
	fails := failing(t, res.Resources)
	if !fails["partial"]["AWS-CONFIG-001"] || fails["main"]["AWS-CONFIG-001"] {
		t.Errorf("AWS-CONFIG-001: %v", fails)
	}
}
