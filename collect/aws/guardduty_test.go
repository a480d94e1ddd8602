package aws

import (
	"context"
	"io"
	"net/http"
	"strings"
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

// faultOnMatch answers requests it matches with a canned error response
// in the service's wire format and sends the rest to moto.
type faultOnMatch struct {
	match  func(*http.Request) bool
	status int
	header map[string]string
	body   string
}

func (f faultOnMatch) RoundTrip(r *http.Request) (*http.Response, error) {
	if !f.match(r) {
		return http.DefaultTransport.RoundTrip(r)
	}
	h := http.Header{}
	for k, v := range f.header {
		h.Set(k, v)
	}
	return &http.Response{StatusCode: f.status, Header: h, Body: io.NopCloser(strings.NewReader(f.body)),
		ContentLength: int64(len(f.body)), Request: r}, nil
}

// scopeIs reports whether a signed request is for one region and service.
func scopeIs(r *http.Request, region, service string) bool {
	return strings.Contains(r.Header.Get("Authorization"), "/"+region+"/"+service+"/aws4_request")
}

// Denied in one region, GuardDuty there is unknown (null), not off, and
// the error names the region, service, operation and code.
func TestGuardDutyAccessDeniedLeavesFactUnknown(t *testing.T) {
	srv := moto.Start(t)
	if _, err := guardduty.NewFromConfig(srv.Config(t, "us-east-1")).CreateDetector(context.Background(),
		&guardduty.CreateDetectorInput{Enable: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	deny := faultOnMatch{
		match:  func(r *http.Request) bool { return scopeIs(r, "eu-west-1", "guardduty") },
		status: 403, header: map[string]string{"Content-Type": "application/json", "X-Amzn-Errortype": "AccessDeniedException"},
		body: `{"message":"User is not authorized to perform: guardduty:ListDetectors"}`,
	}
	t.Setenv("AWS_CA_BUNDLE", "") // a CA bundle needs the SDK's own HTTP client
	res, err := Collect(context.Background(), Options{Regions: []string{"us-east-1", "eu-west-1"}, Services: []string{"guardduty"},
		LoadOptions: srv.LoadOptions("us-east-1"), HTTPClient: &http.Client{Transport: deny}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 {
		t.Fatalf("want one collection error, got %v", res.Errors)
	}
	if e := res.Errors[0]; e.Region != "eu-west-1" || e.Service != "guardduty" || e.Operation != "ListDetectors" || e.Code != "AccessDeniedException" {
		t.Errorf("collection error: %+v", e)
	}
	facts := regionFacts(res)
	if f := facts["eu-west-1"]; f != nil && f.GuardDutyEnabled != nil {
		t.Errorf("eu-west-1 guardduty_enabled must stay unknown, got %v", *f.GuardDutyEnabled)
	}
	if f := facts["us-east-1"]; f == nil || f.GuardDutyEnabled == nil || !*f.GuardDutyEnabled {
		t.Errorf("us-east-1: %+v", f)
	}
}
