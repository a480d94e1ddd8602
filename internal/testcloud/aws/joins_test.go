package aws

import (
	"context"
	"testing"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// monitoringServices are what the CIS monitoring rules join: the trail,
// its log group's metric filters, the alarms and the topics they notify.
var monitoringServices = []string{"cloudtrail", "logs", "cloudwatch", "sns"}

// The monitoring controls judge the world's trail through its log group's
// filters, the alarms and the topic subscriptions; a denied read of any
// link leaves no verdict where the full read gave one.
func TestMonitoringJoinsOverTheTestCloud(t *testing.T) {
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := fragmentWorld(t, monitoringServices...)
	judge := func(res *awscollect.Result, unread []policy.Unread) map[string]model.Status {
		fs, err := engine.Evaluate(context.Background(), res.Resources, policy.EvalOptions{Unread: unread})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]model.Status{}
		for _, f := range fs {
			if f.Resource.Kind == "aws.cloudtrail.trail" && f.Resource.Name == "org-audit" {
				out[f.RuleID] = f.Status
			}
		}
		return out
	}
	base := collectClean(t, w, monitoringServices...)
	// moto never counts confirmed subscriptions; the test cloud does.
	for _, r := range base.Resources {
		if a, ok := r.Attributes.(*model.SNSTopic); ok {
			if want := map[string]int{"alerts": 3, "payments.fifo": 1}[a.Name]; a.Subscriptions != want {
				t.Errorf("topic %s: %d confirmed subscriptions, want %d", a.Name, a.Subscriptions, want)
			}
		}
	}
	full := judge(base, nil)
	// The world: root use and unauthorized calls alarm to a subscribed
	// topic; sign-in without MFA is muted, IAM policy changes notify no
	// one, CloudTrail changes have no alarm, the rest no filter.
	want := map[string]model.Status{
		"AWS-CW-001": model.StatusPass, "AWS-CW-003": model.StatusPass,
		"AWS-CW-002": model.StatusFail, "AWS-CW-004": model.StatusFail, "AWS-CW-005": model.StatusFail,
		"AWS-CW-010": model.StatusFail,
	}
	for id, st := range want {
		if full[id] != st {
			t.Errorf("%s on the trail: %q, want %q", id, full[id], st)
		}
	}
	for _, op := range []Match{
		{Service: "logs", Operation: "DescribeMetricFilters"},
		{Service: "cloudwatch", Operation: "DescribeAlarms"},
		{Service: "sns", Operation: "GetTopicAttributes"},
		{Service: "logs", Operation: "DescribeLogGroups"},
	} {
		denied := *w
		denied.Faults = Faults{Deny: []Match{op}}
		res, _ := collect(t, &denied, monitoringServices...)
		if len(res.Errors) == 0 {
			t.Fatalf("%s denied, no error", op.Operation)
		}
		got := judge(res, policy.UnreadOf(res.Units))
		for id, st := range got {
			if full[id] != st {
				t.Errorf("%s denied: %s %q, %q with it read", op.Operation, id, st, full[id])
			}
		}
		if _, ok := got["AWS-CW-001"]; ok {
			t.Errorf("%s denied: AWS-CW-001 still judged (%s)", op.Operation, got["AWS-CW-001"])
		}
	}
}

// The reachability join over the world: the bastion (public IP, a subnet
// routed to the internet gateway, an ACL and a security group open to SSH)
// fails, the private web server passes; a layer that could not be listed
// leaves neither a verdict.
func TestReachabilityJoinOverTheTestCloud(t *testing.T) {
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := fragmentWorld(t, "ec2")
	judge := func(res *awscollect.Result) map[string]model.Status {
		fs, err := engine.Evaluate(context.Background(), res.Resources, policy.EvalOptions{Unread: policy.UnreadOf(res.Units)})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]model.Status{}
		for _, f := range fs {
			if f.RuleID == "AWS-EC2-016" {
				out[f.Resource.Name] = f.Status
			}
		}
		return out
	}
	full := judge(collectClean(t, w, "ec2"))
	if full["bastion"] != model.StatusFail || full["web-1"] != model.StatusPass {
		t.Fatalf("AWS-EC2-016 over the world: %v", full)
	}
	for _, op := range []string{"DescribeRouteTables", "DescribeNetworkAcls", "DescribeSecurityGroups"} {
		denied := *w
		denied.Faults = Faults{Deny: []Match{{Service: "ec2", Operation: op}}}
		res, _ := collect(t, &denied, "ec2")
		if got := judge(res); len(got) > 0 {
			t.Errorf("%s denied: verdicts %v", op, got)
		}
	}
}
