package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/drift"
	"github.com/vigil-sec/vigil/model"
)

// memInventory is an inventorySource over snapshots in memory, oldest
// first, standing in for the store.
type memInventory struct {
	snaps    []*drift.Snapshot
	baseline string
	resolved map[model.FindingKey]bool
}

func (m *memInventory) Snapshot(_ context.Context, _, id string) (*drift.Snapshot, error) {
	for _, s := range m.snaps {
		if s.ID == id {
			return s, nil
		}
	}
	return nil, nil
}

func (m *memInventory) Latest(_ context.Context, _ string, n int) ([]*drift.Snapshot, error) {
	var out []*drift.Snapshot
	for i := len(m.snaps) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, m.snaps[i])
	}
	return out, nil
}

func (m *memInventory) AsBefore(_ context.Context, s *drift.Snapshot) (*drift.Snapshot, error) {
	return s, nil
}

func (m *memInventory) Resolved(context.Context, string, string) (map[model.FindingKey]bool, error) {
	return m.resolved, nil
}

func (m *memInventory) Baseline(ctx context.Context, scope string) (*drift.Snapshot, error) {
	if m.baseline == "" {
		return nil, nil
	}
	return m.Snapshot(ctx, scope, m.baseline)
}

func (m *memInventory) SetBaseline(_ context.Context, _, id string) error {
	m.baseline = id
	return nil
}

// runInventory runs the CLI with the inventory commands over inv.
func runInventory(t *testing.T, inv inventorySource, stdin string, args ...string) (string, string, int) {
	t.Helper()
	open := func(*cobra.Command) (inventorySource, func() error, error) {
		return inv, func() error { return nil }, nil
	}
	root := newRoot()
	// The registered ones read the store; these read inv.
	for _, c := range root.Commands() {
		if c.Name() == "diff" || c.Name() == "baseline" || c.Name() == "drift" {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(newDiffCmd(open), newBaselineCmd(open), newDriftCmd(open))
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(args)
	code := 0
	if err := root.Execute(); err != nil {
		code = 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), code
}

func diffTestBucket(name string, blockACLs bool) *model.Resource {
	return &model.Resource{ID: "arn:aws:s3:::" + name, Kind: "aws.s3.bucket", Provider: "aws", Account: "111111111111",
		Region: "us-east-1", Source: model.SourceLive, Name: name,
		Attributes: &model.S3Bucket{Name: name, PublicAccessBlock: &model.S3PublicAccessBlock{BlockPublicACLs: blockACLs}}}
}

func failingFinding(rule string, sev model.Severity, r *model.Resource) model.Finding {
	return model.Finding{RuleID: rule, Severity: sev, Status: model.StatusFail, Resource: r.Ref()}
}

func twoScans() *memInventory {
	a, b := diffTestBucket("a", true), diffTestBucket("a", false)
	t0 := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	return &memInventory{snaps: []*drift.Snapshot{
		{ID: "s1", Taken: t0, Resources: []*model.Resource{a, diffTestBucket("old", true)}},
		{ID: "s2", Taken: t0.Add(24 * time.Hour), Resources: []*model.Resource{b},
			Findings: []model.Finding{failingFinding("AWS-S3-001", model.SeverityHigh, b)}},
	}}
}

func TestDiffCommand(t *testing.T) {
	out, errs, code := runInventory(t, twoScans(), "", "diff", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d drift.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d.Before.ID != "s1" || d.After.ID != "s2" || len(d.Resources.Changed) != 1 || len(d.Resources.Removed) != 1 || len(d.Findings.New) != 1 {
		t.Errorf("diff of the last two scans: %s", out)
	}

	_, _, code = runInventory(t, twoScans(), "", "diff", "--fail-on", "critical")
	if code != 0 {
		t.Errorf("--fail-on critical with a new high finding: exit %d, want 0", code)
	}
	_, errs, code = runInventory(t, twoScans(), "", "diff", "--fail-on", "high")
	if code != 1 || !strings.Contains(errs, "1 new or reopened") {
		t.Errorf("--fail-on high with a new high finding: exit %d %s, want 1", code, errs)
	}
	_, _, code = runInventory(t, twoScans(), "", "diff", "s2", "s1", "--format", "markdown")
	if code != 0 {
		t.Errorf("named snapshots: exit %d", code)
	}
	_, errs, code = runInventory(t, twoScans(), "", "diff", "nope")
	if code != 2 || !strings.Contains(errs, `no snapshot "nope"`) {
		t.Errorf("unknown snapshot: exit %d %s", code, errs)
	}
	_, errs, code = runInventory(t, &memInventory{}, "", "diff")
	if code != 2 || !strings.Contains(errs, "two stored snapshots") {
		t.Errorf("empty store: exit %d %s", code, errs)
	}
	_, errs, code = runInventory(t, twoScans(), "", "diff", "--format", "sarif")
	if code != 2 || !strings.Contains(errs, "--format") {
		t.Errorf("unknown format: exit %d %s", code, errs)
	}
}

func TestBaselineAndDrift(t *testing.T) {
	inv := twoScans()
	_, errs, code := runInventory(t, inv, "", "drift")
	if code != 2 || !strings.Contains(errs, "no baseline set") {
		t.Errorf("drift without a baseline: exit %d %s", code, errs)
	}
	out, _, code := runInventory(t, inv, "", "baseline", "set", "s1")
	if code != 0 || inv.baseline != "s1" || !strings.Contains(out, "s1") {
		t.Fatalf("baseline set s1: exit %d, baseline %q, %s", code, inv.baseline, out)
	}
	out, _, code = runInventory(t, inv, "", "baseline", "show")
	if code != 0 || !strings.Contains(out, "snapshot s1 taken 2026-12-01") {
		t.Errorf("baseline show: exit %d %s", code, out)
	}
	out, errs, code = runInventory(t, inv, "", "drift", "--fail-on-drift")
	if code != 1 || !strings.Contains(out, "1 removed, 1 changed") || !strings.Contains(errs, "drift from the baseline") {
		t.Errorf("drift since s1: exit %d\n%s\n%s", code, out, errs)
	}
	_, _, code = runInventory(t, inv, "", "baseline", "set")
	if code != 0 || inv.baseline != "s2" {
		t.Errorf("baseline set (latest): baseline %q", inv.baseline)
	}
	out, _, code = runInventory(t, inv, "", "drift", "--fail-on-drift")
	if code != 0 || !strings.Contains(out, "0 added, 0 removed, 0 changed") {
		t.Errorf("drift from the latest itself: exit %d %s", code, out)
	}
}

func TestDriftTFState(t *testing.T) {
	const state = "../../drift/testdata/terraform.tfstate"
	// The latest scan read one managed bucket (its block switched off)
	// and one no state manages.
	inv := &memInventory{snaps: []*drift.Snapshot{{ID: "s1",
		Resources: []*model.Resource{diffTestBucket("acme-app-logs", false), diffTestBucket("hand-made", true)}}}}
	out, errs, code := runInventory(t, inv, "", "drift", "--tfstate", state, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d drift.StateDrift
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Changed) != 1 || d.Changed[0].Address != `aws_s3_bucket.app["logs"]` {
		t.Errorf("changed: %+v", d.Changed)
	}
	if len(d.Unmanaged) != 1 || d.Unmanaged[0].ID != "arn:aws:s3:::hand-made" {
		t.Errorf("unmanaged: %+v", d.Unmanaged)
	}
	if len(d.Missing) != 14 {
		t.Errorf("missing %d, want the 14 other managed resources (no units reported: absence is taken at its word)", len(d.Missing))
	}

	// The same state on standard input, as terraform state pull gives it.
	b, err := readDiffTestFile(state)
	if err != nil {
		t.Fatal(err)
	}
	out, _, code = runInventory(t, inv, b, "drift", "--tfstate", "-", "--fail-on-drift")
	if code != 1 || !strings.Contains(out, "Drift of stdin") {
		t.Errorf("--tfstate - with --fail-on-drift: exit %d\n%s", code, out)
	}
	_, errs, code = runInventory(t, inv, `{"version": 3}`, "drift", "--tfstate", "-")
	if code != 2 || !strings.Contains(errs, "version 3") {
		t.Errorf("a v3 state: exit %d %s", code, errs)
	}
}

// The help teaches: what each category means, the matching rules, examples.
func TestInventoryHelp(t *testing.T) {
	for cmd, wants := range map[string][]string{
		"diff":     {"not compared", "reopened", "vigil diff --format markdown", "vigil diff 41 42", "--db"},
		"drift":    {"unmanaged", "aws.ec2.security_group", "arn attribute", "arn:aws:s3:::<bucket>", "terraform state pull | vigil drift --tfstate -"},
		"baseline": {"vigil baseline set 42", "vigil history"},
	} {
		out, _, code := runInventory(t, &memInventory{}, "", cmd, "--help")
		if code != 0 {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s --help lacks %q", cmd, w)
			}
		}
	}
}

func readDiffTestFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}
