package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// regionFacts returns the aws.region resources by region.
func regionFacts(res *Result) map[string]*model.AWSRegion {
	out := map[string]*model.AWSRegion{}
	for _, r := range res.Resources {
		if r.Kind == "aws.region" {
			out[r.Region] = r.Attributes.(*model.AWSRegion)
		}
	}
	return out
}

func TestGuardDutyAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	on, err := guardduty.NewFromConfig(srv.Config(t, "us-east-1")).CreateDetector(ctx, &guardduty.CreateDetectorInput{
		Enable: aws.Bool(true), Tags: map[string]string{"team": "sec"}})
	if err != nil {
		t.Fatal(err)
	}
	off, err := guardduty.NewFromConfig(srv.Config(t, "us-west-2")).CreateDetector(ctx, &guardduty.CreateDetectorInput{Enable: aws.Bool(false)})
	if err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"guardduty"}, "us-east-1", "eu-west-1", "us-west-2")
	noErrors(t, res)
	ds := byKind(res, "aws.guardduty.detector")
	if len(ds) != 2 {
		t.Fatalf("want 2 detectors, got %v", ds)
	}
	d := ds[aws.ToString(on.DetectorId)]
	if d == nil || !d.Attributes.(*model.GuardDutyDetector).Enabled || d.Region != "us-east-1" || d.Tags["team"] != "sec" ||
		d.ID != "arn:aws:guardduty:us-east-1:123456789012:detector/"+aws.ToString(on.DetectorId) || len(d.Raw) == 0 {
		t.Errorf("enabled detector: %+v", d)
	}
	if d := ds[aws.ToString(off.DetectorId)]; d == nil || d.Attributes.(*model.GuardDutyDetector).Enabled || d.Region != "us-west-2" {
		t.Errorf("disabled detector: %+v", d)
	}
	facts := regionFacts(res)
	for region, want := range map[string]bool{"us-east-1": true, "eu-west-1": false, "us-west-2": false} {
		if f := facts[region]; f == nil || f.GuardDutyEnabled == nil || *f.GuardDutyEnabled != want {
			t.Errorf("%s guardduty_enabled: want %v, got %+v", region, want, f)
		}
	}
	fails := failing(t, res.Resources)
	if !fails[aws.ToString(off.DetectorId)]["AWS-GD-001"] || fails[aws.ToString(on.DetectorId)]["AWS-GD-001"] {
		t.Errorf("AWS-GD-001: %v", fails)
	}
}
