package aws

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/vigil-sec/vigil/model"
)

// The recorders, their status and the delivery channels decode through
// the SDK (lowerCamel shapes in PascalCase outputs) into the world's.
func TestConfigRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "config")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	for _, region := range []string{"us-east-1", "eu-west-1"} {
		client := configservice.NewFromConfig(cfg, func(o *configservice.Options) { o.Region = region })
		world := w.Account(fragmentAccount).worldOf("config", region).(*configWorld)
		recs, err := client.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs.ConfigurationRecorders) != 1 {
			t.Fatalf("%s: %d recorders", region, len(recs.ConfigurationRecorders))
		}
		arn := aws.ToString(recs.ConfigurationRecorders[0].Arn)
		prefix := "arn:aws:config:" + region + ":111111111111:configuration-recorder/default/"
		if !strings.HasPrefix(arn, prefix) || len(arn) != len(prefix)+16 {
			t.Errorf("%s: recorder ARN %s", region, arn)
		}
		want := world.Recorders[0]
		want.Arn = aws.String(arn)
		sameJSON(t, region+" DescribeConfigurationRecorders", recs.ConfigurationRecorders, []cfgtypes.ConfigurationRecorder{want.ConfigurationRecorder})

		st, err := client.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{})
		if err != nil {
			t.Fatal(err)
		}
		wantSt := want.Status
		wantSt.Name, wantSt.Arn = want.Name, want.Arn
		sameJSON(t, region+" DescribeConfigurationRecorderStatus", st.ConfigurationRecordersStatus, []cfgtypes.ConfigurationRecorderStatus{wantSt})

		dc, err := client.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{})
		if err != nil {
			t.Fatal(err)
		}
		wantDC := world.DeliveryChannels
		if wantDC == nil {
			wantDC = []cfgtypes.DeliveryChannel{}
		}
		sameJSON(t, region+" DescribeDeliveryChannels", dc.DeliveryChannels, wantDC)

		// The same recorder by name and by ARN.
		byName, err := client.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{ConfigurationRecorderNames: []string{"default"}})
		if err != nil || len(byName.ConfigurationRecorders) != 1 {
			t.Errorf("%s: by name: %v", region, err)
		}
		byARN, err := client.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{Arn: aws.String(arn)})
		if err != nil || len(byARN.ConfigurationRecordersStatus) != 1 {
			t.Errorf("%s: by ARN: %v", region, err)
		}
	}
}

// Names that match nothing are refused with Config's codes; a region
// without Config answers empty lists.
func TestConfigErrors(t *testing.T) {
	w := fragmentWorld(t, "config")
	cfg, _ := testCloud(t, w)
	ctx := context.Background()
	client := configservice.NewFromConfig(cfg)
	_, err := client.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{ConfigurationRecorderNames: []string{"nope"}})
	if code := awsJSONErrCode(err); code != "NoSuchConfigurationRecorderException" {
		t.Errorf("DescribeConfigurationRecorders nope: %v", err)
	}
	_, err = client.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{ConfigurationRecorderNames: []string{"nope"}})
	if code := awsJSONErrCode(err); code != "NoSuchConfigurationRecorderException" {
		t.Errorf("DescribeConfigurationRecorderStatus nope: %v", err)
	}
	_, err = client.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{DeliveryChannelNames: []string{"nope"}})
	if code := awsJSONErrCode(err); code != "NoSuchDeliveryChannelException" {
		t.Errorf("DescribeDeliveryChannels nope: %v", err)
	}
	w.Account(fragmentAccount).Set("us-east-1", "config", &configWorld{})
	recs, err := client.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{})
	if err != nil || recs.ConfigurationRecorders == nil || len(recs.ConfigurationRecorders) != 0 {
		t.Errorf("no recorders: %v %v", recs, err)
	}
}

// The collector finds Config recording everything in us-east-1 and
// stopped, recording a few types, in eu-west-1: the region facts follow.
func TestConfigCollector(t *testing.T) {
	w := fragmentWorld(t, "config")
	res := collectClean(t, w, "configservice")
	recs := map[string]*model.ConfigRecorder{}
	facts := map[string]*bool{}
	for _, r := range res.Resources {
		switch r.Kind {
		case "aws.config.recorder":
			if !strings.HasPrefix(r.ID, "arn:aws:config:"+r.Region+":111111111111:configuration-recorder/default/") {
				t.Errorf("recorder id %s", r.ID)
			}
			recs[r.Region] = r.Attributes.(*model.ConfigRecorder)
		case "aws.region":
			facts[r.Region] = r.Attributes.(*model.AWSRegion).ConfigRecording
		}
	}
	if r := recs["us-east-1"]; r == nil || !r.Recording || !r.AllSupported || !r.IncludeGlobalResourceTypes {
		t.Errorf("us-east-1 recorder: %+v", r)
	}
	if r := recs["eu-west-1"]; r == nil || r.Recording || r.AllSupported || r.IncludeGlobalResourceTypes {
		t.Errorf("eu-west-1 recorder: %+v", r)
	}
	if f := facts["us-east-1"]; f == nil || !*f {
		t.Errorf("us-east-1 config_recording %v", f)
	}
	if f := facts["eu-west-1"]; f == nil || *f {
		t.Errorf("eu-west-1 config_recording %v", f)
	}
}
