package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/store"
)

// TestScanKeepsSnapshots: a scan is stored by default, each scan a new
// snapshot of its scope, and a finding the report leaves out (below
// --severity) is still kept open, not taken for resolved.
func TestScanKeepsSnapshots(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	snapshot := func(args ...string) int64 {
		t.Helper()
		out, errs, code := run(t, append([]string{"scan", "../../examples/terraform", "-q", "-f", "json", "--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var r struct {
			Scan struct {
				Snapshot int64 `json:"snapshot"`
			} `json:"scan"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.Scan.Snapshot
	}
	first := snapshot()
	second := snapshot("--severity", "critical")
	if first == 0 || second <= first {
		t.Fatalf("snapshots %d then %d, want two increasing ids", first, second)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, err := st.Findings(context.Background(), store.FindingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	for _, r := range recs {
		switch r.Status {
		case store.StatusOpen:
			open++
		case store.StatusResolved:
			t.Errorf("%s on %s resolved by a report filter", r.Finding.RuleID, r.Finding.Resource.ID)
		}
	}
	if open < 20 {
		t.Errorf("%d open findings stored, want the example's 25", open)
	}
	if got := snapshot("--no-store", "--db", ""); got != 0 {
		t.Errorf("--no-store scan stored as snapshot %d", got)
	}
}

func TestScanDBThatCannotOpenStopsBeforeScanning(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "scan", "../../examples/terraform", "-q", "--db", filepath.Join(blocker, "v.db"))
	if code != 2 || !strings.Contains(errs, "--db") {
		t.Fatalf("exit %d, stderr %q: want 2 naming --db", code, errs)
	}
}
