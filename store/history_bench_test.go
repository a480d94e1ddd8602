package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
	"github.com/vigil-sec/vigil/store/storetest"
)

// BenchmarkFindingsAsOfSnapshot reads the findings of an old snapshot
// (from the events) in a 20,000-resource estate with a third failing,
// scanned three times, 1% changing each time: what vigil diff reads.
func BenchmarkFindingsAsOfSnapshot(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "v.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rs := storetest.Estate(20000, 1)
	var first int64
	for gen := 0; gen < 3; gen++ {
		fs := make([]model.Finding, 0, len(rs))
		for i, r := range rs {
			if gen > 0 && i%100 == gen {
				storetest.Change(r, gen)
			}
			status := model.StatusPass
			if (i+gen)%3 == 0 {
				status = model.StatusFail
			}
			fs = append(fs, model.Finding{RuleID: "BENCH-001", Severity: model.SeverityHigh, Status: status, Resource: r.Ref()})
		}
		snap, err := store.SaveScan(ctx, st, store.SnapshotMeta{Scope: "aws:bench", Started: time.Now()}, rs, fs, nil, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		if gen == 0 {
			first = snap.ID
		}
	}
	// "latest" is the same read without a snapshot, for comparison.
	for name, f := range map[string]store.FindingFilter{
		"first":  {Snapshot: first, Statuses: []string{store.StatusOpen}},
		"latest": {Scope: "aws:bench", Statuses: []string{store.StatusOpen}},
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				fs, err := st.Findings(ctx, f)
				if err != nil || len(fs) == 0 {
					b.Fatal(len(fs), err)
				}
			}
		})
	}
}
