package scan

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	awsdemo "github.com/vigil-sec/vigil/examples/aws-demo"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// record collects a scan's events.
func record(evs *[]Event) func(Event) { return func(ev Event) { *evs = append(*evs, ev) } }

func kinds(evs []Event) []EventKind {
	out := make([]EventKind, len(evs))
	for i, ev := range evs {
		out[i] = ev.Kind
	}
	return out
}

// An IaC scan streams: read started (the targets), the kinds the
// Terraform directory declares (before it is evaluated), one file event
// per file read by name, read done with the count, evaluating, scan done
// with the summary; in that order, each time-stamped.
func TestIaCScanEventsInOrder(t *testing.T) {
	dir, cfg, e := setup(t, "")
	k8s := "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n"
	if err := os.WriteFile(filepath.Join(dir, "pod.yaml"), []byte(k8s), 0o644); err != nil {
		t.Fatal(err)
	}
	var evs []Event
	res, err := Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg, Progress: record(&evs)})
	if err != nil {
		t.Fatal(err)
	}
	want := []EventKind{EventReadStarted, EventKinds, EventFile, EventReadDone, EventEvaluating, EventScanDone}
	if got := kinds(evs); len(got) != len(want) || !equalKinds(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	if evs[0].Source != "iac" || len(evs[0].Targets) != 1 || evs[0].Targets[0] != dir {
		t.Errorf("read started: %+v", evs[0])
	}
	if k := evs[1].Kinds; len(k) != 1 || k[0] != "aws.s3.bucket" {
		t.Errorf("kinds event names %v, want the bucket main.tf declares", k)
	}
	evs = append(evs[:1], evs[2:]...)
	if evs[1].File != "pod.yaml" {
		t.Errorf("file event names %q, want pod.yaml", evs[1].File)
	}
	if evs[2].Resources != res.Scan.Resources || evs[3].Resources != res.Scan.Resources || res.Scan.Resources < 2 {
		t.Errorf("read done %d, evaluating %d resources; the scan judged %d", evs[2].Resources, evs[3].Resources, res.Scan.Resources)
	}
	if s := evs[4].Summary; s == nil || s.Fail != res.Summary.Fail || s.Fail == 0 {
		t.Errorf("scan done summary %+v, result %+v", s, res.Summary)
	}
	for i, ev := range evs {
		if ev.Time.IsZero() || (i > 0 && ev.Time.Before(evs[i-1].Time)) {
			t.Errorf("event %d (%s) time %v out of order", i, ev.Kind, ev.Time)
		}
	}
}

func equalKinds(a, b []EventKind) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// A live scan of the test cloud streams read started, the kinds its
// services produce (so their rules compile while it collects), one unit done per
// unit of work (Done counting up to Total, each naming its account, region
// and service), read done with the collection's totals, evaluating and
// scan done. The units' resources are part of what was read (the
// account and region facts are assembled after the units).
func TestLiveScanEventsInOrder(t *testing.T) {
	w, err := aws.ParseWorld(awsdemo.World)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(aws.NewServer(w))
	t.Cleanup(srv.Close)
	src := &AWS{Options: awscollect.Options{
		AssumeRole: awsdemo.AssumeRole, Organization: true, Regions: []string{"us-east-1"}, Services: []string{"s3", "iam"},
		LoadOptions: []func(*config.LoadOptions) error{
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(srv.URL),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(w.Accounts[0].AccessKey, "x", "")),
			config.WithSharedConfigFiles([]string{}),
			config.WithSharedCredentialsFiles([]string{}),
		},
	}}
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var evs []Event
	res, err := Run(context.Background(), src, Options{Engine: e, Progress: record(&evs)})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) < 6 || evs[0].Kind != EventReadStarted || evs[0].Source != "aws" {
		t.Fatalf("events %v: the first must be read started by aws", kinds(evs))
	}
	if ev := evs[1]; ev.Kind != EventKinds || !slices.Contains(ev.Kinds, "aws.s3.bucket") || !slices.Contains(ev.Kinds, "aws.iam.role") || slices.Contains(ev.Kinds, "aws.ec2.instance") {
		t.Fatalf("the second event must name the kinds of s3 and iam, and only theirs: %+v", ev)
	}
	n := len(evs)
	if got := kinds(evs[n-3:]); !equalKinds(got, []EventKind{EventReadDone, EventEvaluating, EventScanDone}) {
		t.Fatalf("the last events are %v", got)
	}
	units, found := evs[2:n-3], 0
	for i, ev := range units {
		if ev.Kind != EventUnitDone || ev.Done != i+1 || ev.Total != len(units) {
			t.Fatalf("unit event %d: %+v (of %d units)", i, ev, len(units))
		}
		if ev.Unit == nil || ev.Unit.Provider != "aws" || ev.Unit.Account == "" || (ev.Unit.Service != "s3" && ev.Unit.Service != "iam") {
			t.Errorf("unit event %d names %+v", i, ev.Unit)
		}
		found += ev.Resources
	}
	rd := evs[n-3]
	if rd.Resources != res.Scan.Resources || found == 0 || found > rd.Resources || rd.Accounts != len(w.Accounts) || rd.Calls == 0 || res.Scan.Resources == 0 {
		t.Errorf("read done %+v: units found %d, the scan judged %d resources", rd, found, res.Scan.Resources)
	}
	if len(res.Scan.Targets) != len(w.Accounts) || res.Scan.Sources[0] != "aws" {
		t.Errorf("targets %v, sources %v", res.Scan.Targets, res.Scan.Sources)
	}
}

// fakeSource is a source as a server or another provider would add one.
type fakeSource struct{ in *Input }

func (f fakeSource) Read(_ context.Context, emit func(Event)) (*Input, error) {
	emit(Event{Kind: EventReadStarted, Source: "fake"})
	emit(Event{Kind: EventReadDone, Source: "fake", Resources: len(f.in.Resources)})
	return f.in, nil
}

// Whatever the source, Run carries what it could not judge and its unit
// outcomes into the result, and a scan of nothing says why.
func TestRunCarriesWhatTheSourceReports(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := &Input{Targets: []string{"fake:1"}, Sources: []string{"fake"}, NothingScanned: "nothing there",
		Unjudged: []model.Unjudged{{What: model.UnjudgedType, Source: "fake", Name: "fake_thing", Count: 2}},
		Units:    []model.UnitOutcome{{Unit: model.Unit{Provider: "fake", Account: "1", Service: "s"}, Status: model.UnitFailed}}}
	var evs []Event
	res, err := Run(context.Background(), fakeSource{in}, Options{Engine: e, Progress: record(&evs)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Summary.NotJudged) != 1 || res.Summary.NotJudged[0].Count != 2 || len(res.Units) != 1 || res.Units[0].Status != model.UnitFailed {
		t.Errorf("not judged %+v, units %+v", res.Summary.NotJudged, res.Units)
	}
	if res.Scan.NothingScanned != "nothing there" || res.Scan.Targets[0] != "fake:1" || len(res.Errors) != 1 || res.Errors[0].Source != model.NothingScannedSource {
		t.Errorf("scan %+v, errors %+v", res.Scan, res.Errors)
	}
	if got := kinds(evs); !equalKinds(got, []EventKind{EventReadStarted, EventReadDone, EventEvaluating, EventScanDone}) {
		t.Errorf("events %v", got)
	}
}
