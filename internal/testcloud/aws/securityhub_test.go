package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	shtypes "github.com/aws/aws-sdk-go-v2/service/securityhub/types"

	"github.com/vigil-sec/vigil/model"
)

const (
	shCIS  = "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0"
	shFSBP = "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0"
)

// DescribeHub and GetEnabledStandards round-trip the world; where the
// account is not subscribed both answer InvalidAccessException.
func TestSecurityHubRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "securityhub")
	world := w.Account(fragmentAccount).worldOf("securityhub", "us-east-1").(*securityHubWorld)
	cfg, _ := testCloud(t, w)
	client := securityhub.NewFromConfig(cfg)
	ctx := context.Background()

	hub, err := client.DescribeHub(ctx, &securityhub.DescribeHubInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "DescribeHub", hub, world.Hub)
	if _, err := client.DescribeHub(ctx, &securityhub.DescribeHubInput{HubArn: world.Hub.HubArn}); err != nil {
		t.Errorf("DescribeHub by ARN: %v", err)
	}
	var gone *shtypes.ResourceNotFoundException
	if _, err := client.DescribeHub(ctx, &securityhub.DescribeHubInput{HubArn: aws.String("arn:aws:securityhub:us-east-1:111111111111:hub/other")}); !errors.As(err, &gone) {
		t.Errorf("unknown hub: want ResourceNotFoundException, got %v", err)
	}

	std, err := client.GetEnabledStandards(ctx, &securityhub.GetEnabledStandardsInput{})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]shtypes.StandardsSubscription(nil), world.Standards...)
	want[1].StandardsSubscriptionArn = aws.String("arn:aws:securityhub:us-east-1:111111111111:subscription/aws-foundational-security-best-practices/v/1.0.0")
	want[2].StandardsSubscriptionArn = aws.String("arn:aws:securityhub:us-east-1:111111111111:subscription/cis-aws-foundations-benchmark/v/1.2.0")
	sameJSON(t, "GetEnabledStandards", std.StandardsSubscriptions, want)
	one, err := client.GetEnabledStandards(ctx, &securityhub.GetEnabledStandardsInput{StandardsSubscriptionArns: []string{*want[1].StandardsSubscriptionArn}})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetEnabledStandards(one)", one.StandardsSubscriptions, want[1:2])
	var invalid *shtypes.InvalidInputException
	if _, err := client.GetEnabledStandards(ctx, &securityhub.GetEnabledStandardsInput{NextToken: aws.String("bogus")}); !errors.As(err, &invalid) {
		t.Errorf("bad token: want InvalidInputException, got %v", err)
	}

	eu := func(o *securityhub.Options) { o.Region = "eu-west-1" }
	var off *shtypes.InvalidAccessException
	if _, err := client.DescribeHub(ctx, &securityhub.DescribeHubInput{}, eu); !errors.As(err, &off) {
		t.Errorf("not subscribed: want InvalidAccessException, got %v", err)
	}
	if _, err := client.GetEnabledStandards(ctx, &securityhub.GetEnabledStandardsInput{}, eu); !errors.As(err, &off) {
		t.Errorf("not subscribed: want InvalidAccessException, got %v", err)
	}
}

// Enabled standards page by MaxResults, 100 at most.
func TestSecurityHubPages(t *testing.T) {
	w := fragmentWorld(t, "securityhub")
	big := &securityHubWorld{Hub: &securityhub.DescribeHubOutput{}}
	for i := range 250 {
		big.Standards = append(big.Standards, shtypes.StandardsSubscription{StandardsArn: aws.String(fmt.Sprintf("arn:aws:securityhub:eu-west-1::standards/custom-%03d/v/1.0.0", i)),
			StandardsStatus: shtypes.StandardsStatusReady})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "securityhub", big)
	cfg, _ := testCloud(t, w)
	client := securityhub.NewFromConfig(cfg, func(o *securityhub.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {100, 3}, {40, 7}} {
		p := securityhub.NewGetEnabledStandardsPaginator(client, &securityhub.GetEnabledStandardsInput{}, func(o *securityhub.GetEnabledStandardsPaginatorOptions) { o.Limit = tc.limit })
		var arns []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.StandardsSubscriptions {
				arns = append(arns, aws.ToString(s.StandardsSubscriptionArn))
			}
		}
		if pages != tc.pages || len(arns) != 250 || arns[249] != "arn:aws:securityhub:eu-west-1:111111111111:subscription/custom-249/v/1.0.0" {
			t.Errorf("limit %d: %d pages, %d subscriptions", tc.limit, pages, len(arns))
		}
	}
}

// The collector records Security Hub and its ready or incomplete
// standards on aws.region where it is on, and off where the account is
// not subscribed.
func TestSecurityHubCollect(t *testing.T) {
	w := fragmentWorld(t, "securityhub")
	res := collectClean(t, w, "securityhub")
	regions := byKind(res.Resources)["aws.region"]
	on := regions["us-east-1"].Attributes.(*model.AWSRegion)
	if on.SecurityHubEnabled == nil || !*on.SecurityHubEnabled || fmt.Sprint(on.SecurityHubStandards) != fmt.Sprint([]string{shCIS, shFSBP}) {
		t.Errorf("us-east-1: enabled %v, standards %v", on.SecurityHubEnabled, on.SecurityHubStandards)
	}
	off := regions["eu-west-1"].Attributes.(*model.AWSRegion)
	if off.SecurityHubEnabled == nil || *off.SecurityHubEnabled || off.SecurityHubStandards != nil {
		t.Errorf("eu-west-1: enabled %v, standards %v", off.SecurityHubEnabled, off.SecurityHubStandards)
	}
}
