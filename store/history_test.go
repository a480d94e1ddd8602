package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// statusesAt maps rule -> status of the findings of scope as of a snapshot.
func statusesAt(t *testing.T, st store.Store, snap int64, statuses ...string) map[string]string {
	t.Helper()
	fs, err := st.Findings(context.Background(), store.FindingFilter{Snapshot: snap, Statuses: statuses})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range fs {
		m[f.Finding.RuleID] = f.Status
	}
	return m
}

func TestFindingStatusAsOfASnapshot(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		b, r := bucket("logs", false), role("admin")
		fail := func(res *model.Resource, rule string) model.Finding { return verdict(res, rule, model.StatusFail) }
		// 1: S3 and IAM failing, a suppressed one.
		s1 := save(t, st, 0, scan{resources: []*model.Resource{b, r},
			findings: []model.Finding{fail(b, "S3-A"), fail(r, "IAM-A"), verdict(r, "IAM-S", model.StatusSuppressed)},
			units:    units(model.UnitComplete)})
		// 2: S3 denied (S3-A stale), IAM-A fixed.
		s2 := save(t, st, 1, scan{resources: []*model.Resource{r},
			findings: []model.Finding{verdict(r, "IAM-A", model.StatusPass), verdict(r, "IAM-S", model.StatusSuppressed)},
			units:    units(model.UnitFailed)})
		// 3: unchanged estate rescanned: no finding row written.
		s3 := save(t, st, 2, scan{resources: []*model.Resource{r},
			findings: []model.Finding{verdict(r, "IAM-S", model.StatusSuppressed)}, units: units(model.UnitFailed)})
		// 4: S3 read again and failing; IAM-A failing again (reopened); a new one.
		s4 := save(t, st, 3, scan{resources: []*model.Resource{b, r},
			findings: []model.Finding{fail(b, "S3-A"), fail(r, "IAM-A"), fail(r, "IAM-B"), verdict(r, "IAM-S", model.StatusSuppressed)},
			units:    units(model.UnitComplete)})

		want := map[int64]map[string]string{
			s1.ID: {"S3-A": "open", "IAM-A": "open", "IAM-S": "suppressed"},
			s2.ID: {"S3-A": "stale", "IAM-A": "resolved", "IAM-S": "suppressed"},
			s3.ID: {"S3-A": "stale", "IAM-A": "resolved", "IAM-S": "suppressed"},
			s4.ID: {"S3-A": "open", "IAM-A": "open", "IAM-B": "open", "IAM-S": "suppressed"},
		}
		for id, w := range want {
			got := statusesAt(t, st, id)
			if len(got) != len(w) {
				t.Errorf("snapshot %d: %v, want %v", id, got, w)
			}
			for rule, s := range w {
				if got[rule] != s {
					t.Errorf("snapshot %d: %s is %q, want %q", id, rule, got[rule], s)
				}
			}
		}
		if got := statusesAt(t, st, s2.ID, store.StatusOpen, store.StatusStale); len(got) != 1 || got["S3-A"] != "stale" {
			t.Errorf("snapshot %d filtered to open and stale: %v", s2.ID, got)
		}
		if s3.Stats.FindingsNew+s3.Stats.FindingsResolved != 0 || s3.Stats.RowsWritten > 4 { // the snapshot, two units, one unread kind
			t.Errorf("rescan of an unchanged estate: %+v", s3.Stats)
		}

		// Resolved by a snapshot: IAM-A from s2 on, nothing before.
		for id, n := range map[int64]int{s1.ID: 0, s2.ID: 1, s4.ID: 1} {
			keys, err := st.Resolved(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != n || (n == 1 && (keys[0].RuleID != "IAM-A" || keys[0].Resource != r.ID || keys[0].Scope != "aws/111111111111/")) {
				t.Errorf("resolved by snapshot %d: %+v, want %d (IAM-A)", id, keys, n)
			}
		}

		// Units come back as written.
		us, err := st.Units(ctx, s2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(us) != 2 {
			t.Fatalf("units of snapshot %d: %+v", s2.ID, us)
		}
		for _, u := range us {
			if u.Service == "s3" && (u.Status != model.UnitFailed || len(u.Unread) != 1 || u.Unread[0] != "aws.s3.bucket" || u.Region != "eu-west-1") {
				t.Errorf("s3 unit: %+v", u)
			}
			if u.Service == "iam" && (u.Status != model.UnitComplete || u.Unread != nil || len(u.Kinds) != 1) {
				t.Errorf("iam unit: %+v", u)
			}
		}

		// Baselines: none, then set, then replaced.
		if _, err := st.Baseline(ctx, scope); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("baseline before any is set: %v, want ErrNotFound", err)
		}
		if err := st.SetBaseline(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("baseline on a missing snapshot: %v, want ErrNotFound", err)
		}
		for _, id := range []int64{s1.ID, s3.ID} {
			if err := st.SetBaseline(ctx, id); err != nil {
				t.Fatal(err)
			}
			got, err := st.Baseline(ctx, scope)
			if err != nil || got.ID != id || got.Scope != scope {
				t.Fatalf("baseline after setting %d: %+v, %v", id, got, err)
			}
		}
		if _, err := st.Baseline(ctx, "aws:222222222222"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another scope's baseline: %v, want ErrNotFound", err)
		}
		if ss, err := st.Snapshots(ctx, store.SnapshotFilter{ID: s2.ID}); err != nil || len(ss) != 1 || ss[0].ID != s2.ID {
			t.Fatalf("snapshot by id: %+v, %v", ss, err)
		}
		// The documented views show both.
		res, err := st.Query(ctx, "SELECT b.snapshot_id, e.status FROM baselines b, finding_events e WHERE e.rule_id = 'IAM-S' AND e.event = 'new'", store.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rows) != 1 || fmt.Sprint(res.Rows[0]...) != fmt.Sprint(s3.ID, store.StatusSuppressed) {
			t.Errorf("baselines and finding_events.status: %v", res.Rows)
		}
	})
}

// Events written by schema 1 carry no status: a finding's state as of a
// snapshot is still read from them ("new" and "reopened" meaning open).
func TestStatusFromSchema1Events(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := bucket("logs", false)
	s1 := save(t, st, 0, scan{resources: []*model.Resource{b}, findings: []model.Finding{verdict(b, "S3-A", model.StatusFail)}, units: units(model.UnitComplete)})
	s2 := save(t, st, 1, scan{resources: []*model.Resource{b}, findings: []model.Finding{verdict(b, "S3-A", model.StatusPass)}, units: units(model.UnitComplete)})
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec("UPDATE vigil_finding_events SET status = NULL"); err != nil {
		t.Fatal(err)
	}
	if got := statusesAt(t, st, s1.ID)["S3-A"]; got != store.StatusOpen {
		t.Errorf("as of snapshot 1: %q, want open", got)
	}
	if got := statusesAt(t, st, s2.ID)["S3-A"]; got != store.StatusResolved {
		t.Errorf("as of snapshot 2: %q, want resolved", got)
	}
}
