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

// The reachability join gives no verdict when a layer is outside the
// inventory or could not be read, and fails only when every layer is open.
func TestReachabilityJoinLeavesNoVerdictOnWhatWasNotRead(t *testing.T) {
	e := builtinEngine(t)
	r, _ := e.Rule("AWS-EC2-016")
	for kind, path := range map[string]string{
		"aws.ec2.route_table":    "routes",
		"aws.ec2.network_acl":    "entries",
		"aws.ec2.security_group": "ingress",
		"aws.ec2.subnet":         "vpc_id",
	} {
		if !slices.Contains(r.RelatedReads[kind], path) {
			t.Errorf("AWS-EC2-016 should read %s of %s: %v", path, kind, r.RelatedReads)
		}
	}
	load := func() []*model.Resource {
		return loadFixture(t, fixture{rule: "AWS-EC2-016", path: "aws/ec2/testdata/AWS-EC2-016/fail.json", kind: "json"})
	}
	verdict := func(rs []*model.Resource) (model.Status, bool) {
		fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.RuleID == "AWS-EC2-016" {
				return f.Status, true
			}
		}
		return "", false
	}
	if s, _ := verdict(load()); s != model.StatusFail {
		t.Fatalf("the fixture should fail, got %q", s)
	}
	drop := func(kind string) func(rs []*model.Resource) []*model.Resource {
		return func(rs []*model.Resource) []*model.Resource {
			var out []*model.Resource
			for _, r := range rs {
				if r.Kind != kind {
					out = append(out, r)
				}
			}
			return out
		}
	}
	unknown := func(kind, path string) func(rs []*model.Resource) []*model.Resource {
		return func(rs []*model.Resource) []*model.Resource {
			for _, r := range rs {
				if r.Kind == kind {
					r.MarkUnknown(path)
				}
			}
			return rs
		}
	}
	// The subnet itself is needed only to find the VPC's main table and
	// default ACL; with explicit associations the verdict stands.
	if s, _ := verdict(drop("aws.ec2.subnet")(load())); s != model.StatusFail {
		t.Errorf("explicit associations without the subnet: %q, want fail", s)
	}
	for name, change := range map[string]func([]*model.Resource) []*model.Resource{
		"security group missing": drop("aws.ec2.security_group"),
		"route tables missing":   drop("aws.ec2.route_table"),
		"network ACL missing":    drop("aws.ec2.network_acl"),
		"routes not read":        unknown("aws.ec2.route_table", "routes"),
		"ACL entries not read":   unknown("aws.ec2.network_acl", "entries"),
	} {
		if s, ok := verdict(change(load())); ok {
			t.Errorf("%s: want no verdict, got %s", name, s)
		}
	}
}
