package aws

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
)

// Every unit reports its outcome. With KMS's listing denied in one region,
// that unit fails with its kind unread (its keys are unread, not gone)
// while the other region's is complete; with the flow logs denied, the
// EC2 units are partial (every VPC's flow_logs_enabled unknown, nothing
// missing); a global service reports one unit, in no region.
func TestUnitOutcomesWithOneServiceDenied(t *testing.T) {
	w := fragmentWorld(t, "ec2", "kms", "iam")
	w.Faults = Faults{Deny: []Match{
		{Service: "kms", Region: "eu-west-1", Operation: "ListKeys"},
		{Service: "ec2", Operation: "DescribeFlowLogs"},
	}}
	res, _ := collect(t, w, "ec2", "kms", "iam")
	got := map[model.Unit]model.UnitOutcome{}
	for _, o := range res.Units {
		got[o.Unit] = o
	}
	unit := func(region, svc string) model.Unit {
		return model.Unit{Provider: "aws", Account: fragmentAccount, Region: region, Service: svc}
	}
	want := map[model.Unit]model.UnitStatus{
		unit("us-east-1", "kms"): model.UnitComplete,
		unit("eu-west-1", "kms"): model.UnitFailed,
		unit("us-east-1", "ec2"): model.UnitPartial,
		unit("eu-west-1", "ec2"): model.UnitPartial,
		unit("", "iam"):          model.UnitComplete,
	}
	if len(got) != len(want) {
		t.Errorf("units %+v, want %v", res.Units, want)
	}
	for u, st := range want {
		o, ok := got[u]
		if !ok || o.Status != st {
			t.Errorf("%+v: %+v, want %s", u, o, st)
		}
	}
	if o := got[unit("eu-west-1", "kms")]; !reflect.DeepEqual(o.Unread, []string{"aws.kms.key"}) || o.Errors != 1 || o.Resources != 0 {
		t.Errorf("denied KMS unit: %+v", o)
	}
	if o := got[unit("us-east-1", "kms")]; o.Resources == 0 || o.Errors != 0 {
		t.Errorf("KMS in us-east-1 read nothing: %+v", o)
	}
	vpcs := 0
	for _, r := range res.Resources {
		if r.Kind == "aws.ec2.vpc" {
			vpcs++
			if !r.WhollyUnknown("flow_logs_enabled") {
				t.Errorf("%s: flow_logs_enabled known with DescribeFlowLogs denied", r.ID)
			}
		}
	}
	for _, region := range w.Regions {
		if o := got[unit(region, "ec2")]; len(o.Unread) > 0 || o.Errors != 1 {
			t.Errorf("EC2 in %s: %+v", region, o)
		}
	}
	if vpcs == 0 {
		t.Error("the world has no VPC to leave unknown")
	}
}

// orderSink records the order of what Run streams.
type orderSink struct {
	events []string // "resource KIND", "unit SERVICE", "error"
	res    []*model.Resource
}

func (s *orderSink) Resource(r *model.Resource) {
	s.events = append(s.events, "resource "+r.Kind)
	s.res = append(s.res, r)
}
func (s *orderSink) Error(awscollect.CollectionError) { s.events = append(s.events, "error") }
func (s *orderSink) Unit(o model.UnitOutcome)         { s.events = append(s.events, "unit "+o.Service) }

// Run streams each unit's resources before its outcome, and the account
// and region facts only once every unit ended, assembled from what the
// units emitted: a fact whose call failed in one region stays null and
// unknown there, and known in the other.
func TestRunStreamsUnitsThenAssembledFacts(t *testing.T) {
	w := fragmentWorld(t, "ec2", "guardduty")
	w.Faults = Faults{Deny: []Match{{Service: "ec2", Region: "eu-west-1", Operation: "GetEbsEncryptionByDefault"}}}
	hs := httptest.NewServer(NewServer(w))
	t.Cleanup(hs.Close)
	var sink orderSink
	sum, err := awscollect.Run(context.Background(), awscollect.Options{Services: []string{"ec2", "guardduty"}, Regions: w.Regions,
		LoadOptions: clientOptions(hs.URL, w.Accounts[0].AccessKey)}, &sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Accounts) != 1 || len(sum.Regions) != 2 || sum.Calls == 0 {
		t.Errorf("summary %+v", sum)
	}
	lastUnit, firstFact := -1, len(sink.events)
	for i, e := range sink.events {
		switch {
		case strings.HasPrefix(e, "unit "):
			lastUnit = i
		case e == "resource aws.region" || e == "resource aws.account":
			firstFact = min(firstFact, i)
		}
	}
	if lastUnit < 0 || firstFact == len(sink.events) || firstFact < lastUnit {
		t.Errorf("facts must follow every unit: %v", sink.events)
	}
	facts := map[string]*model.Resource{}
	for _, r := range sink.res {
		if r.Kind == "aws.region" {
			facts[r.Region] = r
		}
	}
	east, west := facts["us-east-1"], facts["eu-west-1"]
	if east == nil || west == nil {
		t.Fatalf("region resources: %v", facts)
	}
	if east.IsUnknown("ebs_encryption_by_default") || east.Attributes.(*model.AWSRegion).EBSEncryptionByDefault == nil {
		t.Errorf("us-east-1: EBS default encryption unread: %+v", east)
	}
	if !west.WhollyUnknown("ebs_encryption_by_default") || west.Attributes.(*model.AWSRegion).EBSEncryptionByDefault != nil {
		t.Errorf("eu-west-1: EBS default encryption denied, but %+v", west)
	}
	for _, r := range []*model.Resource{east, west} {
		if r.IsUnknown("guardduty_enabled") {
			t.Errorf("%s: GuardDuty read, but unknown", r.Region)
		}
	}
}

// snapshotSink encodes each resource as it arrives, to compare with the
// same resource after the collection.
type snapshotSink struct {
	t    *testing.T
	res  []*model.Resource
	seen [][]byte
}

func (s *snapshotSink) Resource(r *model.Resource) {
	b, err := json.Marshal(r)
	if err != nil {
		s.t.Fatal(err)
	}
	s.res, s.seen = append(s.res, r), append(s.seen, b)
}
func (s *snapshotSink) Error(awscollect.CollectionError) {}
func (s *snapshotSink) Unit(model.UnitOutcome)           {}

// A resource is final when the collector hands it on: a sink that stores
// it at once (a database) must not miss a setting, a region or an unknown
// marked later. Every service, every kind, each resource compared as it
// arrived with what it became by the end.
func TestResourcesAreFinalWhenHandedOn(t *testing.T) {
	w := fragmentWorld(t)
	hs := httptest.NewServer(NewServer(w))
	t.Cleanup(hs.Close)
	sink := &snapshotSink{t: t}
	if _, err := awscollect.Run(context.Background(), awscollect.Options{Regions: w.Regions,
		LoadOptions: clientOptions(hs.URL, w.Accounts[0].AccessKey)}, sink); err != nil {
		t.Fatal(err)
	}
	if len(sink.res) == 0 {
		t.Fatal("nothing collected")
	}
	for i, r := range sink.res {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, sink.seen[i]) {
			t.Errorf("%s (%s) changed after it was handed on:\nthen %s\nnow  %s", r.ID, r.Kind, sink.seen[i], b)
		}
	}
}
