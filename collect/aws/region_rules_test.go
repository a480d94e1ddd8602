package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/policy"
)

// TestRegionRulesJudgeCollectedFacts: region-wide facts read live become
// ordinary findings on aws.region; a fact nobody read decides nothing.
func TestRegionRulesJudgeCollectedFacts(t *testing.T) {
	srv := restFake(t, moto.Start(t), enabledStandards(false))
	ctx := context.Background()
	east := srv.Config(t, "us-east-1")
	if _, err := guardduty.NewFromConfig(east).CreateDetector(ctx, &guardduty.CreateDetectorInput{Enable: boolPtr(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := securityhub.NewFromConfig(east).EnableSecurityHub(ctx, &securityhub.EnableSecurityHubInput{}); err != nil {
		t.Fatal(err)
	}
	// accessanalyzer is not collected: its fact stays null.
	res := collectMoto(t, srv, []string{"guardduty", "securityhub", "configservice", "cloudtrail"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	fails := failing(t, res.Resources)
	want := map[string]map[string]bool{
		"us-east-1": {"AWS-GD-002": false, "AWS-SH-001": false, "AWS-CONFIG-002": true, "AWS-CT-006": true, "AWS-IAM-011": false},
		"eu-west-1": {"AWS-GD-002": true, "AWS-SH-001": true, "AWS-CONFIG-002": true, "AWS-CT-006": true, "AWS-IAM-011": false},
	}
	for region, rules := range want {
		for rule, fail := range rules {
			if fails[region][rule] != fail {
				t.Errorf("%s %s: fails=%v, want %v", region, rule, fails[region][rule], fail)
			}
		}
	}
	// Access Analyzer was not read: AWS-IAM-011 gives no verdict at all,
	// not a pass a compliance report would count.
	e, err := policy.New(ctx, policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.Evaluate(ctx, res.Resources, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.RuleID == "AWS-IAM-011" {
			t.Errorf("unread fact judged: %s %s", f.Resource.Name, f.Status)
		}
	}
}
