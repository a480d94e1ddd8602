package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	gdtypes "github.com/aws/aws-sdk-go-v2/service/guardduty/types"

	"github.com/vigil-sec/vigil/model"
)

// ListDetectors and GetDetector round-trip the world in camelCase REST
// JSON (dnsLogs included); a foreign detector id is BadRequestException.
func TestGuardDutyRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "guardduty")
	world := w.Account(fragmentAccount).worldOf("guardduty", "us-east-1").(*guardDutyWorld).Detectors
	cfg, _ := testCloud(t, w)
	client := guardduty.NewFromConfig(cfg)
	ctx := context.Background()

	list, err := client.ListDetectors(ctx, &guardduty.ListDetectorsInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "ListDetectors", list.DetectorIds, []string{world[0].ID})
	d, err := client.GetDetector(ctx, &guardduty.GetDetectorInput{DetectorId: aws.String(world[0].ID)})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetDetector", d, world[0].GetDetectorOutput)
	// A nested camelCase list survives (sameJSON compares the rest).
	if len(d.Features) != 8 || d.Features[1].Name != gdtypes.DetectorFeatureResultDnsLogs || d.Features[1].Status != gdtypes.FeatureStatusEnabled {
		t.Errorf("features lost: %+v", d.Features)
	}

	var bad *gdtypes.BadRequestException
	if _, err := client.GetDetector(ctx, &guardduty.GetDetectorInput{DetectorId: aws.String("12abc34d567e8fa901bc2d34e56789f0")}); !errors.As(err, &bad) {
		t.Errorf("foreign detector: want BadRequestException, got %v", err)
	}
	if _, err := client.ListDetectors(ctx, &guardduty.ListDetectorsInput{NextToken: aws.String("bogus")}); !errors.As(err, &bad) {
		t.Errorf("bad token: want BadRequestException, got %v", err)
	}
}

// Detector ids page by 50 at most. (AWS allows one detector per region;
// a big world is still paged as the API would.)
func TestGuardDutyPages(t *testing.T) {
	w := fragmentWorld(t, "guardduty")
	big := &guardDutyWorld{}
	for i := range 120 {
		big.Detectors = append(big.Detectors, guardDutyDetector{ID: fmt.Sprintf("%032x", i)})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "guardduty", big)
	cfg, _ := testCloud(t, w)
	client := guardduty.NewFromConfig(cfg, func(o *guardduty.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {50, 3}, {7, 18}} {
		p := guardduty.NewListDetectorsPaginator(client, &guardduty.ListDetectorsInput{}, func(o *guardduty.ListDetectorsPaginatorOptions) { o.Limit = tc.limit })
		var ids []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			ids = append(ids, out.DetectorIds...)
		}
		if pages != tc.pages || len(ids) != 120 || ids[119] != fmt.Sprintf("%032x", 119) {
			t.Errorf("limit %d: %d pages, %d ids", tc.limit, pages, len(ids))
		}
	}
}

// The collector reads each detector and the region fact: on in
// us-east-1, off in eu-west-1 where the detector is suspended.
func TestGuardDutyCollect(t *testing.T) {
	w := fragmentWorld(t, "guardduty")
	res := collectClean(t, w, "guardduty")
	kinds := byKind(res.Resources)
	on := kinds["aws.guardduty.detector"]["6ac2f1e4b7d05c9a8e3f2b1d0c4a7e96"]
	if on == nil || !on.Attributes.(*model.GuardDutyDetector).Enabled || on.Tags["team"] != "security" ||
		on.ID != "arn:aws:guardduty:us-east-1:111111111111:detector/6ac2f1e4b7d05c9a8e3f2b1d0c4a7e96" {
		t.Errorf("enabled detector: %+v", on)
	}
	// Its plans come from Features (RDS off, runtime monitoring off with
	// no agent managed); Lambda's is not listed, so it is unknown.
	plans := on.Attributes.(*model.GuardDutyDetector)
	for name, p := range map[string]*bool{"s3_protection": plans.S3Protection, "eks_audit_logs": plans.EKSAuditLogs,
		"malware_protection_ec2": plans.MalwareProtectionEC2} {
		if p == nil || !*p || on.IsUnknown(name) {
			t.Errorf("%s: want on, got %v", name, p)
		}
	}
	for name, p := range map[string]*bool{"rds_protection": plans.RDSProtection, "runtime_monitoring": plans.RuntimeMonitoring,
		"eks_runtime_monitoring": plans.EKSRuntimeMonitoring, "ecs_runtime_monitoring": plans.ECSRuntimeMonitoring,
		"ec2_runtime_monitoring": plans.EC2RuntimeMonitoring} {
		if p == nil || *p || on.IsUnknown(name) {
			t.Errorf("%s: want off, got %v", name, p)
		}
	}
	if plans.LambdaProtection != nil || !on.IsUnknown("lambda_protection") {
		t.Errorf("lambda_protection is not reported: want unknown, got %v %v", plans.LambdaProtection, on.Unknown)
	}
	off := kinds["aws.guardduty.detector"]["0e94b7c1d2a35f6e8b9c0d1e2f3a4b5c"]
	if off == nil || off.Attributes.(*model.GuardDutyDetector).Enabled || off.Region != "eu-west-1" {
		t.Errorf("suspended detector: %+v", off)
	}
	for region, want := range map[string]bool{"us-east-1": true, "eu-west-1": false} {
		got := kinds["aws.region"][region].Attributes.(*model.AWSRegion).GuardDutyEnabled
		if got == nil || *got != want {
			t.Errorf("%s guardduty_enabled: %v, want %v", region, got, want)
		}
	}
}
