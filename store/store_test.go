package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
	"github.com/vigil-sec/vigil/store/storetest"
)

// each runs fn against every backend, on a fresh database.
func each(t *testing.T, fn func(t *testing.T, dsn string, st store.Store)) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			dsn := b.DSN(t)
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			fn(t, dsn, st)
		})
	}
}

const scope = "aws:111111111111"

var t0 = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// scan is one scan's input.
type scan struct {
	resources []*model.Resource
	findings  []model.Finding
	units     []model.UnitOutcome
}

func save(t *testing.T, st store.Store, n int, in scan) store.Snapshot {
	t.Helper()
	start := t0.Add(time.Duration(n) * 24 * time.Hour)
	snap, err := store.SaveScan(context.Background(), st,
		store.SnapshotMeta{Scope: scope, Source: "live", Targets: []string{"111111111111"}, Started: start, VigilVersion: "test", RulesDigest: "d1"},
		in.resources, in.findings, in.units, start.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func bucket(name string, encrypted bool) *model.Resource {
	return &model.Resource{ID: "arn:aws:s3:::" + name, Kind: "aws.s3.bucket", Provider: "aws", Account: "111111111111",
		Region: "eu-west-1", Source: model.SourceLive, Name: name, Tags: map[string]string{"env": "prod"},
		Attributes: &model.S3Bucket{Name: name, Encryption: model.S3Encryption{Enabled: encrypted}}}
}

func role(name string) *model.Resource {
	return &model.Resource{ID: "arn:aws:iam::111111111111:role/" + name, Kind: "aws.iam.role", Provider: "aws",
		Account: "111111111111", Source: model.SourceLive, Name: name, Attributes: &model.IAMRole{Name: name, Path: "/"}}
}

func verdict(r *model.Resource, rule string, status model.Status) model.Finding {
	return model.Finding{RuleID: rule, Title: rule + " title", Severity: model.SeverityHigh, Status: status,
		Message: rule + " on " + r.Name, Resource: r.Ref()}
}

func units(s3 model.UnitStatus) []model.UnitOutcome {
	o := []model.UnitOutcome{
		{Unit: model.Unit{Provider: "aws", Account: "111111111111", Region: "eu-west-1", Service: "s3"}, Status: s3, Kinds: []string{"aws.s3.bucket"}},
		{Unit: model.Unit{Provider: "aws", Account: "111111111111", Service: "iam"}, Status: model.UnitComplete, Kinds: []string{"aws.iam.role"}},
	}
	if s3 == model.UnitFailed {
		o[0].Unread = []string{"aws.s3.bucket"}
	}
	return o
}

func findingOf(t *testing.T, st store.Store, rule, resource string) store.FindingRecord {
	t.Helper()
	fs, err := st.Findings(context.Background(), store.FindingFilter{Scope: scope, RuleID: rule, Resource: resource})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 {
		t.Fatalf("%s on %s: %d findings, want 1", rule, resource, len(fs))
	}
	return fs[0]
}

func inventory(t *testing.T, st store.Store, f store.ResourceFilter) map[string]store.StoredResource {
	t.Helper()
	rs, err := st.Resources(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]store.StoredResource{}
	for _, r := range rs {
		m[r.Resource.ID] = r
	}
	return m
}

func TestOpenTwiceMigratesOnce(t *testing.T) {
	each(t, func(t *testing.T, dsn string, st store.Store) {
		save(t, st, 0, scan{resources: []*model.Resource{bucket("a", true)}})
		st2, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st2.Close()
		res, err := st2.Query(context.Background(), "SELECT COUNT(*) FROM vigil_schema_migrations", store.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows[0][0]); got != fmt.Sprint(store.SchemaVersion()) {
			t.Fatalf("migrations applied: %s, want %d", got, store.SchemaVersion())
		}
		if ss, _ := st2.Snapshots(context.Background(), store.SnapshotFilter{}); len(ss) != 1 {
			t.Fatalf("reopened store has %d snapshots, want 1", len(ss))
		}
	})
}

func TestVersionsWrittenOnlyOnChange(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		estate := storetest.Estate(500, 1)
		s1 := save(t, st, 0, scan{resources: estate})
		if s1.Stats.VersionsAdded != 500 || s1.Stats.Resources != 500 {
			t.Fatalf("first snapshot: %+v", s1.Stats)
		}
		// The same estate, in another order and read afresh: nothing new.
		again := storetest.Estate(500, 1)
		slices.Reverse(again)
		s2 := save(t, st, 1, scan{resources: again})
		if s2.Stats.VersionsAdded != 0 || s2.Stats.VersionsClosed != 0 || s2.Stats.Resources != 500 {
			t.Fatalf("unchanged rescan wrote versions: %+v", s2.Stats)
		}
		if s2.Stats.RowsWritten > 1 {
			t.Fatalf("unchanged rescan wrote %d rows, want only its snapshot row", s2.Stats.RowsWritten)
		}
		// Change 5, delete 3, add 2.
		third := storetest.Estate(500, 1)
		for i := 0; i < 5; i++ {
			storetest.Change(third[i*7], 3)
		}
		changedID, deletedID := third[0].ID, third[499].ID
		third = append(third[:497], storetest.Estate(502, 1)[500:]...)
		s3 := save(t, st, 2, scan{resources: third})
		if s3.Stats.VersionsAdded != 7 || s3.Stats.VersionsClosed != 8 || s3.Stats.Resources != 499 {
			t.Fatalf("third snapshot: %+v, want 7 versions added (5 changed, 2 new), 8 closed (5 changed, 3 gone), 499 resources", s3.Stats)
		}
		latest := inventory(t, st, store.ResourceFilter{})
		if len(latest) != 499 {
			t.Fatalf("latest inventory: %d resources, want 499", len(latest))
		}
		if _, ok := latest[deletedID]; ok {
			t.Fatal("a deleted resource is still in the latest inventory")
		}
		if latest[changedID].Resource.Tags["revision"] != "3" || latest[changedID].Since != s3.ID {
			t.Fatalf("changed resource: %+v", latest[changedID])
		}
		// The past is intact: snapshot 2 has the old version and the deleted resource.
		old := inventory(t, st, store.ResourceFilter{Snapshot: s2.ID})
		if len(old) != 500 || old[changedID].Resource.Tags["revision"] != "" || old[deletedID].Resource == nil {
			t.Fatalf("snapshot %d as stored: %d resources, changed one %+v", s2.ID, len(old), old[changedID].Resource.Tags)
		}
		// Typed attributes come back typed.
		if _, ok := latest[changedID].Resource.Attributes.(*model.EC2SecurityGroup); !ok {
			t.Fatalf("attributes decoded as %T", latest[changedID].Resource.Attributes)
		}
		// Filters.
		f := inventory(t, st, store.ResourceFilter{Kind: "aws.s3.bucket", Region: "eu-west-1", Tags: map[string]string{"env": "prod"}})
		if len(f) == 0 {
			t.Fatal("filter matched nothing")
		}
		for _, r := range f {
			if r.Resource.Kind != "aws.s3.bucket" || r.Resource.Region != "eu-west-1" || r.Resource.Tags["env"] != "prod" {
				t.Fatalf("filter let through %+v", r.Resource)
			}
		}
		hist, err := st.Snapshots(ctx, store.SnapshotFilter{Scope: scope})
		if err != nil || len(hist) != 3 || hist[0].ID != s3.ID || hist[2].RulesDigest != "d1" || !hist[2].Started.Equal(t0) {
			t.Fatalf("history: %+v %v", hist, err)
		}
	})
}

func TestFindingLifecycle(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		b := bucket("logs", false)
		rid := b.ID
		s1 := save(t, st, 0, scan{resources: []*model.Resource{b}, findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail)}, units: units(model.UnitComplete)})
		f := findingOf(t, st, "AWS-S3-001", rid)
		if f.Status != store.StatusOpen || !f.FirstSeen.Equal(s1.Finished) || s1.Stats.FindingsNew != 1 {
			t.Fatalf("after scan 1: %+v (stats %+v)", f, s1.Stats)
		}
		// Still failing: open, first_seen kept, last_seen moves, nothing written.
		s2 := save(t, st, 1, scan{resources: []*model.Resource{b}, findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail)}, units: units(model.UnitComplete)})
		f = findingOf(t, st, "AWS-S3-001", rid)
		if f.Status != store.StatusOpen || !f.FirstSeen.Equal(s1.Finished) || !f.LastSeen.Equal(s2.Finished) || s2.Stats.RowsWritten > 3 {
			t.Fatalf("after scan 2: %+v, %d rows written", f, s2.Stats.RowsWritten)
		}
		// Fixed: a pass resolves it.
		b2 := bucket("logs", true)
		s3 := save(t, st, 2, scan{resources: []*model.Resource{b2}, findings: []model.Finding{verdict(b2, "AWS-S3-001", model.StatusPass)}, units: units(model.UnitComplete)})
		f = findingOf(t, st, "AWS-S3-001", rid)
		if f.Status != store.StatusResolved || !f.ResolvedAt.Equal(s3.Finished) || !f.LastSeen.Equal(s2.Finished) || s3.Stats.FindingsResolved != 1 {
			t.Fatalf("after scan 3: %+v", f)
		}
		// Broken again: reopened, same identity, first_seen kept.
		s4 := save(t, st, 3, scan{resources: []*model.Resource{b}, findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail)}, units: units(model.UnitComplete)})
		f = findingOf(t, st, "AWS-S3-001", rid)
		if f.Status != store.StatusOpen || f.ReopenCount != 1 || !f.FirstSeen.Equal(s1.Finished) || !f.ResolvedAt.IsZero() || s4.Stats.FindingsReopened != 1 {
			t.Fatalf("after scan 4: %+v", f)
		}
		if f.Finding.Message != "AWS-S3-001 on logs" || f.Finding.Resource.ID != rid {
			t.Fatalf("stored verdict: %+v", f.Finding)
		}
		// The resource is deleted (its unit read fine): resolved.
		s5 := save(t, st, 4, scan{units: units(model.UnitComplete)})
		f = findingOf(t, st, "AWS-S3-001", rid)
		if f.Status != store.StatusResolved || !f.LastSeen.Equal(s4.Finished) || !f.ResolvedAt.Equal(s5.Finished) {
			t.Fatalf("after deletion: %+v", f)
		}
		res, err := st.Query(context.Background(), "SELECT event FROM finding_events WHERE rule_id = 'AWS-S3-001' ORDER BY snapshot_id", store.QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var evs []string
		for _, r := range res.Rows {
			evs = append(evs, fmt.Sprint(r[0]))
		}
		if want := "new resolved reopened resolved"; strings.Join(evs, " ") != want {
			t.Fatalf("events %v, want %s", evs, want)
		}
	})
}

func TestFailedUnitKeepsFindingsAndResources(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		b, r := bucket("logs", false), role("admin")
		save(t, st, 0, scan{resources: []*model.Resource{b, r},
			findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail), verdict(r, "AWS-IAM-001", model.StatusFail)},
			units:    units(model.UnitComplete)})
		// S3 denied: no bucket, no verdict on it; IAM read fine and the role's finding fixed.
		s2 := save(t, st, 1, scan{resources: []*model.Resource{r},
			findings: []model.Finding{verdict(r, "AWS-IAM-001", model.StatusPass)}, units: units(model.UnitFailed)})
		f := findingOf(t, st, "AWS-S3-001", b.ID)
		if f.Status != store.StatusStale || !f.ResolvedAt.IsZero() {
			t.Fatalf("finding of a denied service: %+v, want stale and not resolved", f)
		}
		if g := findingOf(t, st, "AWS-IAM-001", r.ID); g.Status != store.StatusResolved {
			t.Fatalf("finding of a read service: %s, want resolved", g.Status)
		}
		inv := inventory(t, st, store.ResourceFilter{})
		if got, ok := inv[b.ID]; !ok || !got.Stale || got.Snapshot != s2.ID {
			t.Fatalf("bucket of the denied unit in the latest inventory: %+v (present %v), want stale", got, ok)
		}
		if inv[r.ID].Stale {
			t.Fatal("a resource of a unit that was read is marked stale")
		}
		if s2.Stats.StaleResources != 1 || s2.Stats.UnitsFailed != 1 || s2.Stats.FindingsStale != 1 || s2.Stats.FindingsResolved != 1 {
			t.Fatalf("stats: %+v", s2.Stats)
		}
		// Denied again: still stale, nothing resolved, nothing removed.
		save(t, st, 2, scan{resources: []*model.Resource{r}, units: units(model.UnitFailed)})
		if f := findingOf(t, st, "AWS-S3-001", b.ID); f.Status != store.StatusStale {
			t.Fatalf("second failed read: %s", f.Status)
		}
		if _, ok := inventory(t, st, store.ResourceFilter{})[b.ID]; !ok {
			t.Fatal("second failed read removed the bucket")
		}
		// Read again and still failing: open again.
		save(t, st, 3, scan{resources: []*model.Resource{b, r}, findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail)}, units: units(model.UnitComplete)})
		if f := findingOf(t, st, "AWS-S3-001", b.ID); f.Status != store.StatusOpen || f.ReopenCount != 0 {
			t.Fatalf("read again: %+v, want open (never resolved, so not reopened)", f)
		}
		// Read, and the bucket is gone: now it is resolved and removed.
		save(t, st, 4, scan{resources: []*model.Resource{r}, units: units(model.UnitComplete)})
		if f := findingOf(t, st, "AWS-S3-001", b.ID); f.Status != store.StatusResolved {
			t.Fatalf("after a good read without the bucket: %s", f.Status)
		}
		if _, ok := inventory(t, st, store.ResourceFilter{})[b.ID]; ok {
			t.Fatal("a bucket gone in a good read is still in the inventory")
		}
	})
}

func TestNoVerdictOnUnknownIsNotResolved(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		b, r := bucket("logs", false), role("admin")
		save(t, st, 0, scan{resources: []*model.Resource{b, r},
			findings: []model.Finding{verdict(b, "AWS-S3-001", model.StatusFail), verdict(r, "AWS-IAM-001", model.StatusFail)},
			units:    units(model.UnitComplete)})
		// The bucket is listed but a setting could not be read (the rule
		// gives no verdict); the role's rule errors.
		b2 := bucket("logs", false)
		b2.Unknown = []string{"encryption"}
		save(t, st, 1, scan{resources: []*model.Resource{b2, r}, findings: []model.Finding{verdict(r, "AWS-IAM-001", model.StatusError)},
			units: units(model.UnitPartial)})
		if f := findingOf(t, st, "AWS-S3-001", b.ID); f.Status != store.StatusStale {
			t.Fatalf("no verdict on an unknown setting: %s, want stale", f.Status)
		}
		if f := findingOf(t, st, "AWS-IAM-001", r.ID); f.Status != store.StatusStale {
			t.Fatalf("a rule error: %s, want stale", f.Status)
		}
		// Suppressed, then failing again.
		sup := verdict(b, "AWS-S3-001", model.StatusSuppressed)
		sup.SuppressedBy = "accepted risk"
		save(t, st, 2, scan{resources: []*model.Resource{b, r}, findings: []model.Finding{sup, verdict(r, "AWS-IAM-001", model.StatusFail)}, units: units(model.UnitComplete)})
		if f := findingOf(t, st, "AWS-S3-001", b.ID); f.Status != store.StatusSuppressed || f.Finding.SuppressedBy != "accepted risk" {
			t.Fatalf("suppressed: %+v", f)
		}
		if f := findingOf(t, st, "AWS-IAM-001", r.ID); f.Status != store.StatusOpen {
			t.Fatalf("confirmed after an error: %s, want open", f.Status)
		}
	})
}

func TestAbortLeavesNothing(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		s1 := save(t, st, 0, scan{resources: storetest.Estate(50, 1)})
		w, err := st.Begin(ctx, store.SnapshotMeta{Scope: scope, Started: t0.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.PutResources(ctx, storetest.Estate(2000, 2)...); err != nil {
			t.Fatal(err)
		}
		if err := w.Abort(); err != nil {
			t.Fatal(err)
		}
		latest, err := st.Latest(ctx, scope)
		if err != nil || latest.ID != s1.ID {
			t.Fatalf("latest after abort: %+v %v", latest, err)
		}
		if inv := inventory(t, st, store.ResourceFilter{}); len(inv) != 50 {
			t.Fatalf("inventory after abort: %d resources, want 50", len(inv))
		}
		if _, err := st.Latest(ctx, "aws:nobody"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("latest of an unknown scope: %v", err)
		}
	})
}

func TestReadersSeeCommittedSnapshotsOnly(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		s1 := save(t, st, 0, scan{resources: storetest.Estate(100, 1)})
		w, err := st.Begin(ctx, store.SnapshotMeta{Scope: scope, Started: t0.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Abort()
		next := storetest.Estate(1500, 1)
		for i := range next {
			storetest.Change(next[i], 9)
		}
		if err := w.PutResources(ctx, next...); err != nil {
			t.Fatal(err)
		}
		// Mid-write, from other connections: the old snapshot, whole.
		latest, err := st.Latest(ctx, scope)
		if err != nil || latest.ID != s1.ID {
			t.Fatalf("latest mid-write: %+v %v", latest, err)
		}
		inv := inventory(t, st, store.ResourceFilter{})
		if len(inv) != 100 {
			t.Fatalf("inventory mid-write: %d resources, want the committed 100", len(inv))
		}
		for _, r := range inv {
			if r.Resource.Tags["revision"] != "" {
				t.Fatal("a reader saw an uncommitted version")
			}
		}
		q, err := st.Query(ctx, "SELECT COUNT(*) FROM resources", store.QueryOptions{})
		if err != nil || fmt.Sprint(q.Rows[0][0]) != "100" {
			t.Fatalf("query mid-write: %+v %v", q, err)
		}
		s2, err := w.Commit(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if inv := inventory(t, st, store.ResourceFilter{}); len(inv) != 1500 || s2.Stats.VersionsAdded != 1500 || s2.Stats.VersionsClosed != 100 {
			t.Fatalf("after commit: %d resources, %+v", len(inv), s2.Stats)
		}
	})
}

func TestQueryIsReadOnly(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		save(t, st, 0, scan{resources: storetest.Estate(30, 1), findings: []model.Finding{verdict(bucket("logs", false), "AWS-S3-001", model.StatusFail)}})
		writes := []string{
			"DELETE FROM vigil_snapshots",
			"UPDATE vigil_findings SET status = 'resolved'",
			"INSERT INTO vigil_units (snapshot_id, provider, account, region, service, status) VALUES (1, 'a', 'b', 'c', 'd', 'e')",
			"DROP TABLE vigil_findings",
			"CREATE TABLE evil (x INTEGER)",
		}
		if st.Dialect() == "sqlite" {
			writes = append(writes, "PRAGMA query_only = 0; DELETE FROM vigil_snapshots", "ATTACH DATABASE '"+t.TempDir()+"/x.db' AS x")
		} else {
			writes = append(writes, "SET TRANSACTION READ WRITE", "SELECT set_config('transaction_read_only', 'off', false)",
				"WITH d AS (DELETE FROM vigil_snapshots RETURNING id) SELECT * FROM d")
		}
		for _, q := range writes {
			if _, err := st.Query(ctx, q, store.QueryOptions{}); err == nil {
				t.Errorf("%q ran", q)
			}
		}
		if ss, _ := st.Snapshots(ctx, store.SnapshotFilter{}); len(ss) != 1 {
			t.Fatalf("snapshots after write attempts: %d", len(ss))
		}
		if fs, _ := st.Findings(ctx, store.FindingFilter{Statuses: []string{store.StatusOpen}}); len(fs) != 1 {
			t.Fatalf("open findings after write attempts: %d", len(fs))
		}
		// The row cap.
		res, err := st.Query(ctx, "SELECT id, kind FROM resources ORDER BY id", store.QueryOptions{MaxRows: 7})
		if err != nil || len(res.Rows) != 7 || !res.Truncated || res.Columns[1] != "kind" {
			t.Fatalf("capped query: %+v %v", res, err)
		}
		// JSON attributes through the dialect's JSON functions.
		q := "SELECT id FROM resources WHERE kind = 'aws.ec2.instance' AND json_extract(attributes, '$.metadata_options.http_tokens') IS NOT NULL"
		if st.Dialect() == "postgres" {
			q = "SELECT id FROM resources WHERE kind = 'aws.ec2.instance' AND attributes -> 'metadata_options' ->> 'http_tokens' IS NOT NULL"
		}
		res, err = st.Query(ctx, q, store.QueryOptions{})
		if err != nil || len(res.Rows) != 6 {
			t.Fatalf("JSON query: %+v %v", res, err)
		}
		// The time limit.
		slow := "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
		start := time.Now()
		if _, err := st.Query(ctx, slow, store.QueryOptions{Timeout: 300 * time.Millisecond}); err == nil {
			t.Fatal("an endless query returned")
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("the time limit took %s", d)
		}
		for _, v := range []string{"snapshots", "resources", "resource_versions", "findings", "finding_events", "units"} {
			if _, err := st.Query(ctx, "SELECT * FROM "+v, store.QueryOptions{}); err != nil {
				t.Errorf("view %s: %v", v, err)
			}
		}
	})
}

func TestScopes(t *testing.T) {
	if a, b := store.LiveScope("aws", []string{"2", "1"}, nil), store.LiveScope("aws", []string{"1", "2"}, nil); a != b || a != "aws:1,2" {
		t.Fatalf("live scopes %q %q", a, b)
	}
	if s := store.LiveScope("aws", []string{"1"}, []string{"us-east-1", "eu-west-1"}); s != "aws:1@eu-west-1,us-east-1" {
		t.Fatal(s)
	}
	if s := store.IaCScope([]string{"/b", "/a/../a"}); s != "iac:/a,/b" {
		t.Fatal(s)
	}
}

func TestClockDrivenChangesWriteNoVersion(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		user := func(age int, active bool) *model.Resource {
			return &model.Resource{ID: "arn:aws:iam::111111111111:user/ops", Kind: "aws.iam.user", Provider: "aws", Account: "111111111111",
				Source: model.SourceLive, Name: "ops", Relations: []model.Relation{{Type: "b", Target: "2"}, {Type: "a", Target: "1"}},
				Unknown:    []string{"mfa_enabled", "groups"},
				Attributes: &model.IAMUser{Name: "ops", AccessKeys: []model.IAMAccessKey{{ID: "AKIA1", Active: active, AgeDays: age}}}}
		}
		save(t, st, 0, scan{resources: []*model.Resource{user(10, true)}})
		// A day older, lists in another order: the same version.
		u := user(11, true)
		slices.Reverse(u.Relations)
		slices.Reverse(u.Unknown)
		if s := save(t, st, 1, scan{resources: []*model.Resource{u}}); s.Stats.VersionsAdded != 0 {
			t.Fatalf("an access key one day older wrote a version: %+v", s.Stats)
		}
		// Deactivated: a real change.
		if s := save(t, st, 2, scan{resources: []*model.Resource{user(12, false)}}); s.Stats.VersionsAdded != 1 {
			t.Fatalf("a deactivated key wrote no version: %+v", s.Stats)
		}
	})
}

func TestDefaultPathAndNewFileMode(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	p, err := store.DefaultPath()
	if err != nil || p != dir+"/vigil/vigil.db" {
		t.Fatalf("DefaultPath with XDG_DATA_HOME: %q %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "relative/ignored")
	t.Setenv("HOME", dir)
	if p, _ = store.DefaultPath(); p != dir+"/.local/share/vigil/vigil.db" {
		t.Fatalf("DefaultPath without an absolute XDG_DATA_HOME: %q", p)
	}
	st, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	save(t, st, 0, scan{resources: storetest.Estate(3, 1)})
	for _, f := range []string{p, filepath.Dir(p)} {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s has mode %v: the inventory is for its owner only", f, fi.Mode().Perm())
		}
	}
	if _, err := store.Open(context.Background(), "mysql://x"); err == nil {
		t.Fatal("an unknown DSN scheme opened")
	}
}

func TestWritersOfOneScopeTakeTurns(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		estate := storetest.Estate(300, 1)
		a, err := st.Begin(ctx, store.SnapshotMeta{Scope: scope, Started: t0})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.PutResources(ctx, estate...); err != nil {
			t.Fatal(err)
		}
		type result struct {
			snap store.Snapshot
			err  error
		}
		done := make(chan result, 1)
		go func() {
			// B starts while A is open: it must wait for A, then see A's versions.
			b, err := st.Begin(ctx, store.SnapshotMeta{Scope: scope, Started: t0.Add(time.Hour)})
			if err != nil {
				done <- result{err: err}
				return
			}
			if err := b.PutResources(ctx, storetest.Estate(300, 1)...); err != nil {
				b.Abort()
				done <- result{err: err}
				return
			}
			s, err := b.Commit(ctx, time.Time{})
			done <- result{s, err}
		}()
		select {
		case r := <-done:
			t.Fatalf("the second writer finished while the first was open: %+v", r)
		case <-time.After(300 * time.Millisecond):
		}
		sa, err := a.Commit(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		r := <-done
		if r.err != nil {
			t.Fatal(r.err)
		}
		if r.snap.ID <= sa.ID || r.snap.Stats.VersionsAdded != 0 || r.snap.Stats.Resources != 300 {
			t.Fatalf("second writer: %+v after first %d", r.snap, sa.ID)
		}
		if inv := inventory(t, st, store.ResourceFilter{}); len(inv) != 300 {
			t.Fatalf("inventory: %d resources", len(inv))
		}
	})
}

func TestUnparsedIaCFileKeepsItsResourcesAndFindings(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		ctx := context.Background()
		iacScope := store.IaCScope([]string{"/infra"})
		tf := func(file, name string) *model.Resource {
			return &model.Resource{ID: file + ":aws_s3_bucket." + name, Kind: "aws.s3.bucket", Provider: "aws", Source: model.SourceTerraform,
				Name: name, Location: &model.Location{File: file, StartLine: 1, EndLine: 9}, Attributes: &model.S3Bucket{Name: name}}
		}
		fail := func(r *model.Resource) model.Finding {
			f := verdict(r, "AWS-S3-001", model.StatusFail)
			f.Location = r.Location
			return f
		}
		a, b := tf("a.tf", "logs"), tf("b.tf", "data")
		saveIaC := func(n int, rs []*model.Resource, fs []model.Finding, unread ...string) store.Snapshot {
			t.Helper()
			start := t0.Add(time.Duration(n) * time.Hour)
			s, err := store.SaveScan(ctx, st, store.SnapshotMeta{Scope: iacScope, Source: "iac", Started: start, UnreadFiles: unread}, rs, fs, nil, start)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		find := func() map[string]string {
			fs, err := st.Findings(ctx, store.FindingFilter{Scope: iacScope})
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]string{}
			for _, f := range fs {
				m[f.Finding.Resource.ID] = f.Status
			}
			return m
		}
		saveIaC(0, []*model.Resource{a, b}, []model.Finding{fail(a), fail(b)})
		// b.tf no longer parses: its bucket and finding stay, stale; a.tf's bucket was fixed.
		s := saveIaC(1, []*model.Resource{a}, nil, "b.tf")
		if got := find(); got[b.ID] != store.StatusStale || got[a.ID] != store.StatusResolved {
			t.Fatalf("with b.tf unparsed: %v", got)
		}
		inv := inventory(t, st, store.ResourceFilter{Scope: iacScope})
		if len(inv) != 2 || !inv[b.ID].Stale || inv[a.ID].Stale || s.Stats.StaleResources != 1 {
			t.Fatalf("inventory with b.tf unparsed: %+v, stats %+v", inv, s.Stats)
		}
		// b.tf parses again, without the bucket: gone and resolved.
		saveIaC(2, []*model.Resource{a}, nil)
		if got := find(); got[b.ID] != store.StatusResolved {
			t.Fatalf("after b.tf parsed without the bucket: %v", got)
		}
		if inv := inventory(t, st, store.ResourceFilter{Scope: iacScope}); len(inv) != 1 {
			t.Fatalf("inventory: %d resources, want 1", len(inv))
		}
	})
}

func TestHostileTextIsStored(t *testing.T) {
	each(t, func(t *testing.T, _ string, st store.Store) {
		// NUL and invalid UTF-8 in an id, a name and a tag; a literal
		// backslash-u0000 text that must survive as written.
		r := bucket("odd", false)
		r.ID = "arn:aws:s3:::odd\x00\xff"
		r.Name = "odd\x00name\xfe"
		r.Tags = map[string]string{"k\x00": "v\x00", "lit": `\u0000`}
		f := verdict(r, "AWS-S3-001", model.StatusFail)
		f.Message = "bad\x00msg"
		for n := 0; n < 2; n++ {
			s := save(t, st, n, scan{resources: []*model.Resource{r}, findings: []model.Finding{f}})
			if n == 1 && (s.Stats.VersionsAdded != 0 || s.Stats.FindingsNew != 0) {
				t.Fatalf("a rescan of hostile text rewrote it: %+v", s.Stats)
			}
		}
		rs, err := st.Resources(context.Background(), store.ResourceFilter{})
		if err != nil || len(rs) != 1 {
			t.Fatalf("%d resources, %v", len(rs), err)
		}
		if got := rs[0].Resource.Tags["lit"]; got != `\u0000` {
			t.Fatalf("the literal tag came back as %q", got)
		}
		if !strings.HasPrefix(rs[0].Resource.Name, "odd") {
			t.Fatalf("name came back as %q", rs[0].Resource.Name)
		}
		if fs, err := st.Findings(context.Background(), store.FindingFilter{}); err != nil || len(fs) != 1 || !strings.HasPrefix(fs[0].Finding.Message, "bad") {
			t.Fatalf("findings: %+v %v", fs, err)
		}
	})
}
