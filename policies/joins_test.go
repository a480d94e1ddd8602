package policies_test

import (
	"context"
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// The monitoring rules join trails, log groups, alarms and topics through
// the inventory: what they read of each kind is derived, and an unknown or
// unread link leaves no verdict rather than a pass.
func TestMonitoringJoinsLeaveNoVerdictOnWhatWasNotRead(t *testing.T) {
	e := builtinEngine(t)
	r, ok := e.Rule("AWS-CW-001")
	if !ok {
		t.Fatal("AWS-CW-001 missing")
	}
	for kind, path := range map[string]string{
		"aws.logs.log_group":   "metric_filters",
		"aws.cloudwatch.alarm": "alarm_action_arns",
		"aws.sns.topic":        "subscriptions",
		"aws.cloudtrail.trail": "is_multi_region",
	} {
		if !slices.Contains(r.RelatedReads[kind], path) {
			t.Errorf("AWS-CW-001 should read %s of %s: %v", path, kind, r.RelatedReads)
		}
	}
	load := func() []*model.Resource {
		return loadFixture(t, fixture{rule: "AWS-CW-001", path: "aws/cloudwatch/testdata/AWS-CW-001/pass.json", kind: "json"})
	}
	verdict := func(rs []*model.Resource, unread ...policy.Unread) (model.Status, bool) {
		fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{Unread: unread})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.RuleID == "AWS-CW-001" {
				return f.Status, true
			}
		}
		return "", false
	}
	if s, ok := verdict(load()); !ok || s != model.StatusPass {
		t.Fatalf("the fixture should pass: %q %v", s, ok)
	}
	byKind := func(rs []*model.Resource, kind string) *model.Resource {
		for _, r := range rs {
			if r.Kind == kind {
				return r
			}
		}
		t.Fatalf("no %s", kind)
		return nil
	}
	for name, change := range map[string]func(rs []*model.Resource) ([]*model.Resource, []policy.Unread){
		"filters not read": func(rs []*model.Resource) ([]*model.Resource, []policy.Unread) {
			lg := byKind(rs, "aws.logs.log_group")
			lg.Attributes.(*model.CloudWatchLogGroup).MetricFilters = nil
			lg.MarkUnknown("metric_filters")
			return rs, nil
		},
		"alarms not listed": func(rs []*model.Resource) ([]*model.Resource, []policy.Unread) {
			var out []*model.Resource
			for _, r := range rs {
				if r.Kind != "aws.cloudwatch.alarm" {
					out = append(out, r)
				}
			}
			return out, []policy.Unread{{Kind: "aws.cloudwatch.alarm", Account: "111122223333", Region: "us-east-1"}}
		},
		"subscriptions not read": func(rs []*model.Resource) ([]*model.Resource, []policy.Unread) {
			byKind(rs, "aws.sns.topic").MarkUnknown("subscriptions")
			return rs, nil
		},
		"log group outside the inventory": func(rs []*model.Resource) ([]*model.Resource, []policy.Unread) {
			var out []*model.Resource
			for _, r := range rs {
				if r.Kind != "aws.logs.log_group" {
					out = append(out, r)
				}
			}
			return out, nil
		},
	} {
		rs, unread := change(load())
		if s, ok := verdict(rs, unread...); ok {
			t.Errorf("%s: want no verdict, got %s", name, s)
		}
	}
}

// The bucket-logging join reads only the bucket's logging, and not a
// bucket it cannot see.
func TestTrailBucketLoggingReads(t *testing.T) {
	r, ok := builtinEngine(t).Rule("AWS-CT-007")
	if !ok {
		t.Fatal("AWS-CT-007 missing")
	}
	if got := r.RelatedReads["aws.s3.bucket"]; !slices.Equal(got, []string{"logging.enabled"}) {
		t.Errorf("related reads: %v", r.RelatedReads)
	}
}
