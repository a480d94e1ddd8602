package aws

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
)

func faultWorld(t *testing.T, faults string) *World {
	t.Helper()
	w, err := ParseWorld([]byte(`regions: [us-east-1, eu-west-1]
accounts:
  - {id: "111111111111", access_key: AKIAFAULTS000000001,
     resources: {us-east-1: {sqs: {queues: [{name: a}]}}, eu-west-1: {sqs: {queues: [{name: b}]}}}}
faults:
` + faults))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func apiCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestFaultsLatency(t *testing.T) {
	cfg, _ := testCloud(t, faultWorld(t, "  latency: 40ms\n  jitter: 20ms\n"))
	client := sqs.NewFromConfig(cfg)
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := client.ListQueues(context.Background(), &sqs.ListQueuesInput{}); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d < 40*time.Millisecond {
			t.Errorf("call answered in %v, before the 40ms latency", d)
		}
	}
}

// A token bucket per account x service: the burst passes, the next call
// is throttled in the protocol's own words, and the bucket refills.
func TestFaultsRateLimit(t *testing.T) {
	w := faultWorld(t, "  rate_limits: {sqs: {rate: 20, burst: 3}, default: {rate: 1, burst: 1}}\n")
	cfg, srv := testCloud(t, w)
	client := sqs.NewFromConfig(cfg)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := client.ListQueues(ctx, &sqs.ListQueuesInput{}); err != nil {
			t.Fatalf("call %d within the burst: %v", i, err)
		}
	}
	_, err := client.ListQueues(ctx, &sqs.ListQueuesInput{})
	if apiCode(err) != "ThrottlingException" {
		t.Errorf("call past the burst: %v, want ThrottlingException", err)
	}
	time.Sleep(120 * time.Millisecond)
	if _, err := client.ListQueues(ctx, &sqs.ListQueuesInput{}); err != nil {
		t.Errorf("after refill: %v", err)
	}
	// EC2 falls under "default" and says RequestLimitExceeded.
	e := ec2.NewFromConfig(cfg)
	_, _ = e.DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	if _, err := e.DescribeRegions(ctx, &ec2.DescribeRegionsInput{}); apiCode(err) != "RequestLimitExceeded" {
		t.Errorf("EC2 past its bucket: %v, want RequestLimitExceeded", err)
	}
	// "default" sizes each service's own bucket: STS is not throttled by
	// what EC2 spent.
	if _, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
		t.Errorf("STS throttled by EC2's bucket: %v", err)
	}
	st := srv.Stats()
	if st.Throttled != 2 {
		t.Errorf("throttled %d, want 2", st.Throttled)
	}
	// SQS let 4 calls through, one beyond its burst of 3 at 20/s: the
	// calls could not have been answered in less than 50 ms.
	if st.RateFloor != 50*time.Millisecond || !strings.HasSuffix(st.RateFloorBucket, "/us-east-1/sqs") {
		t.Errorf("rate floor %v in %q, want 50ms in the SQS bucket", st.RateFloor, st.RateFloorBucket)
	}
}

func TestFaultsDenyAndHang(t *testing.T) {
	w := faultWorld(t, `  deny: [{service: sqs, region: eu-west-1, operation: ListQueues}]
  hang_regions: [ap-south-1]
`)
	w.Regions = append(w.Regions, "ap-south-1")
	cfg, srv := testCloud(t, w)
	ctx := context.Background()
	if _, err := sqs.NewFromConfig(cfg).ListQueues(ctx, &sqs.ListQueuesInput{}); err != nil {
		t.Errorf("us-east-1 is not denied: %v", err)
	}
	eu := sqs.NewFromConfig(cfg, func(o *sqs.Options) { o.Region = "eu-west-1" })
	if _, err := eu.ListQueues(ctx, &sqs.ListQueuesInput{}); apiCode(err) != "AccessDeniedException" {
		t.Errorf("eu-west-1 ListQueues: %v, want AccessDeniedException", err)
	}
	tctx, cancel := context.WithTimeout(ctx, 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sqs.NewFromConfig(cfg, func(o *sqs.Options) { o.Region = "ap-south-1" }).ListQueues(tctx, &sqs.ListQueuesInput{})
	if err == nil || time.Since(start) < 150*time.Millisecond {
		t.Errorf("a hanging region answered: %v after %v", err, time.Since(start))
	}
	if srv.Stats().Denied != 1 {
		t.Errorf("denied %d, want 1", srv.Stats().Denied)
	}
}

// Requests without a signature, or signed by a key the world does not
// know, are refused as AWS does.
func TestUnknownCredentials(t *testing.T) {
	cfg, _ := testCloud(t, faultWorld(t, "  latency: 0s\n"))
	cfg.Credentials = aws.AnonymousCredentials{}
	_, err := sqs.NewFromConfig(cfg).ListQueues(context.Background(), &sqs.ListQueuesInput{})
	if err == nil {
		t.Error("an unsigned request was answered")
	}
	cfg2, _ := testCloud(t, faultWorld(t, "  latency: 0s\n"))
	cfg2.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIAUNKNOWN", SecretAccessKey: "x"}, nil
	}))
	_, err = sqs.NewFromConfig(cfg2).ListQueues(context.Background(), &sqs.ListQueuesInput{})
	if !strings.Contains(fmt.Sprint(err), "InvalidClientTokenId") {
		t.Errorf("unknown key: %v", err)
	}
}
