package aws

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestCloudTrailAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	if _, err := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("trail-logs")}); err != nil {
		t.Fatal(err)
	}
	const (
		keyARN   = "arn:aws:kms:us-east-1:123456789012:key/trail"
		groupARN = "arn:aws:logs:us-east-1:123456789012:log-group:trail:*"
		roleARN  = "arn:aws:iam::123456789012:role/trail-to-logs"
	)
	east := cloudtrail.NewFromConfig(srv.Config(t, "us-east-1"))
	if _, err := east.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("everywhere"), S3BucketName: aws.String("trail-logs"),
		IsMultiRegionTrail: aws.Bool(true), EnableLogFileValidation: aws.Bool(true), KmsKeyId: aws.String(keyARN),
		CloudWatchLogsLogGroupArn: aws.String(groupARN), CloudWatchLogsRoleArn: aws.String(roleARN),
		TagsList: nil}); err != nil {
		t.Fatal(err)
	}
	if _, err := east.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("everywhere")}); err != nil {
		t.Fatal(err)
	}
	// S3 object writes of every bucket, not reads.
	if _, err := east.PutEventSelectors(ctx, &cloudtrail.PutEventSelectorsInput{TrailName: aws.String("everywhere"),
		EventSelectors: []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeWriteOnly, IncludeManagementEvents: aws.Bool(true),
			DataResources: []cttypes.DataResource{{Type: aws.String("AWS::S3::Object"), Values: []string{"arn:aws:s3"}}}}}}); err != nil {
		t.Fatal(err)
	}
	west := cloudtrail.NewFromConfig(srv.Config(t, "eu-west-1"))
	if _, err := west.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("local"), S3BucketName: aws.String("trail-logs"),
		IncludeGlobalServiceEvents: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}

	res := collectMoto(t, srv, []string{"cloudtrail"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	n := 0
	for _, r := range res.Resources {
		if r.Kind == "aws.cloudtrail.trail" {
			n++
		}
	}
	trails := byKind(res, "aws.cloudtrail.trail")
	if n != 2 || len(trails) != 2 {
		t.Fatalf("want each trail once (no shadow copies), got %d: %v", n, trails)
	}
	ev := trails["everywhere"]
	want := model.CloudTrailTrail{Name: "everywhere", IsLogging: true, IsMultiRegion: true, IncludeGlobalServiceEvents: true,
		LogFileValidationEnabled: true, KMSKeyID: keyARN, S3BucketName: "trail-logs", CloudWatchLogsGroupARN: groupARN,
		S3DataEvents: model.CloudTrailS3DataEvents{Write: true}, ManagementEvents: model.CloudTrailManagementEvents{Write: true}}
	if a := ev.Attributes.(*model.CloudTrailTrail); *a != want {
		t.Errorf("multi-region trail:\n got %+v\nwant %+v", a, want)
	}
	if ev.ID != "arn:aws:cloudtrail:us-east-1:123456789012:trail/everywhere" || ev.Region != "us-east-1" || len(ev.Raw) == 0 {
		t.Errorf("identity: %+v", ev)
	}
	rels := map[string]bool{}
	for _, r := range ev.Relations {
		rels[r.Type+" "+r.Target] = true
	}
	if !rels["encrypted_by "+keyARN] || !rels["logs_to arn:aws:s3:::trail-logs"] || !rels["logs_to "+strings.TrimSuffix(groupARN, ":*")] || !rels["uses_role "+roleARN] {
		t.Errorf("relations: %+v", ev.Relations)
	}
	lo := trails["local"]
	want = model.CloudTrailTrail{Name: "local", S3BucketName: "trail-logs", ManagementEvents: model.CloudTrailManagementEvents{Read: true, Write: true}}
	if a := lo.Attributes.(*model.CloudTrailTrail); *a != want || lo.Region != "eu-west-1" {
		t.Errorf("single-region trail in %s:\n got %+v\nwant %+v", lo.Region, a, want)
	}

	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-CT-001", "AWS-CT-002", "AWS-CT-003", "AWS-CT-004", "AWS-CT-005"} {
		if !fails["local"][id] || fails["everywhere"][id] {
			t.Errorf("%s: local %v, everywhere %v", id, fails["local"], fails["everywhere"])
		}
	}
	// The account logs S3 object writes (CT-020 passes on both of its
	// trails) but not reads (CT-021 fails on both).
	for _, name := range []string{"local", "everywhere"} {
		// Its one multi-region trail logs write management events only
		// (the selector's WriteOnly covers both kinds): CT-022 fails.
		if fails[name]["AWS-CT-020"] || !fails[name]["AWS-CT-021"] || !fails[name]["AWS-CT-022"] {
			t.Errorf("S3 data events on %s: %v", name, fails[name])
		}
	}
}

// TestCloudTrailRegionCoverage: a region counts as logged when a logging
// trail is homed there or a logging multi-region trail exists anywhere.
func TestCloudTrailRegionCoverage(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	if _, err := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("trail-logs")}); err != nil {
		t.Fatal(err)
	}
	coverage := func() map[string]*bool {
		res := collectMoto(t, srv, []string{"cloudtrail"}, "us-east-1", "eu-west-1", "ap-south-1")
		noErrors(t, res)
		out := map[string]*bool{}
		for _, r := range res.Resources {
			if r.Kind == "aws.region" {
				out[r.Region] = r.Attributes.(*model.AWSRegion).CloudTrailLogging
			}
		}
		return out
	}
	west := cloudtrail.NewFromConfig(srv.Config(t, "eu-west-1"))
	if _, err := west.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("local"), S3BucketName: aws.String("trail-logs")}); err != nil {
		t.Fatal(err)
	}
	if _, err := west.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("local")}); err != nil {
		t.Fatal(err)
	}
	c := coverage()
	if c["eu-west-1"] == nil || !*c["eu-west-1"] || c["us-east-1"] == nil || *c["us-east-1"] || c["ap-south-1"] == nil || *c["ap-south-1"] {
		t.Fatalf("single-region trail in eu-west-1 only: %v", show(c))
	}
	east := cloudtrail.NewFromConfig(srv.Config(t, "us-east-1"))
	if _, err := east.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("everywhere"), S3BucketName: aws.String("trail-logs"),
		IsMultiRegionTrail: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := east.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("everywhere")}); err != nil {
		t.Fatal(err)
	}
	c = coverage()
	for _, r := range []string{"us-east-1", "eu-west-1", "ap-south-1"} {
		if c[r] == nil || !*c[r] {
			t.Fatalf("a logging multi-region trail covers every region: %v", show(c))
		}
	}
}

func show(m map[string]*bool) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = "null"
		if v != nil {
			out[k] = fmt.Sprint(*v)
		}
	}
	return out
}

// TestCloudTrailRegionCoveredFromUnscannedHome: a multi-region trail homed
// in a region the scan leaves out still covers the scanned regions (its
// shadows' status is read by ARN), and is emitted by no region.
func TestCloudTrailRegionCoveredFromUnscannedHome(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	if _, err := s3.NewFromConfig(srv.Config(t, "us-east-1"), func(o *s3.Options) { o.UsePathStyle = true }).
		CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("trail-logs")}); err != nil {
		t.Fatal(err)
	}
	south := cloudtrail.NewFromConfig(srv.Config(t, "ap-south-1"))
	if _, err := south.CreateTrail(ctx, &cloudtrail.CreateTrailInput{Name: aws.String("from-mumbai"), S3BucketName: aws.String("trail-logs"),
		IsMultiRegionTrail: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := south.StartLogging(ctx, &cloudtrail.StartLoggingInput{Name: aws.String("from-mumbai")}); err != nil {
		t.Fatal(err)
	}
	scan := func(logging bool) {
		t.Helper()
		res := collectMoto(t, srv, []string{"cloudtrail"}, "us-east-1", "eu-west-1")
		noErrors(t, res)
		if trails := byKind(res, "aws.cloudtrail.trail"); len(trails) != 0 {
			t.Errorf("a trail homed outside the scan is emitted by no region: %v", trails)
		}
		c := map[string]*bool{}
		for _, r := range res.Resources {
			if r.Kind == "aws.region" {
				c[r.Region] = r.Attributes.(*model.AWSRegion).CloudTrailLogging
			}
		}
		fails := failing(t, res.Resources)
		for _, region := range []string{"us-east-1", "eu-west-1"} {
			if c[region] == nil || *c[region] != logging || fails[region]["AWS-CT-006"] == logging {
				t.Errorf("%s with the trail logging=%v: cloudtrail_logging %v, AWS-CT-006 fails %v", region, logging, show(c), fails[region]["AWS-CT-006"])
			}
		}
	}
	scan(true)
	if _, err := south.StopLogging(ctx, &cloudtrail.StopLoggingInput{Name: aws.String("from-mumbai")}); err != nil {
		t.Fatal(err)
	}
	scan(false)
}
