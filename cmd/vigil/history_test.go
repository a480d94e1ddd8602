package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// storedEstate writes two snapshots of one account to a fresh SQLite file:
// a bucket whose name is hostile terminal and spreadsheet text, and a role.
func storedEstate(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vigil.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bucket := &model.Resource{ID: "arn:aws:s3:::evil", Kind: "aws.s3.bucket", Provider: "aws", Account: "111111111111",
		Region: "eu-west-1", Source: model.SourceLive, Name: "=HYPERLINK(\"x\")\x1b[2J", Tags: map[string]string{"env": "prod"},
		Attributes: &model.S3Bucket{Name: "evil"}}
	role := &model.Resource{ID: "arn:aws:iam::111111111111:role/admin", Kind: "aws.iam.role", Provider: "aws",
		Account: "111111111111", Source: model.SourceLive, Name: "admin", Tags: map[string]string{"env": "dev"},
		Attributes: &model.IAMRole{Name: "admin"}}
	fail := model.Finding{RuleID: "AWS-S3-001", Title: "t", Severity: model.SeverityHigh, Status: model.StatusFail, Resource: bucket.Ref()}
	meta := store.SnapshotMeta{Scope: store.LiveScope("aws", []string{"111111111111"}, nil), Source: "live", RulesDigest: "sha256:0123456789abcdef"}
	for i := 0; i < 2; i++ {
		meta.Started = time.Date(2026, 12, 1+i, 8, 0, 0, 0, time.UTC)
		if _, err := store.SaveScan(context.Background(), st, meta, []*model.Resource{bucket, role}, []model.Finding{fail}, nil, meta.Started.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestHistoryInventoryQuery(t *testing.T) {
	db := storedEstate(t)

	out, errs, code := run(t, "history", "--db", db)
	if code != 0 || !strings.Contains(out, "aws:111111111111") || strings.Count(out, "\n") != 3 || !strings.Contains(out, "0123456789ab") {
		t.Fatalf("history (exit %d): %s%s", code, out, errs)
	}
	out, _, _ = run(t, "history", "--db", db, "--format", "json")
	var snaps []store.Snapshot
	if err := json.Unmarshal([]byte(out), &snaps); err != nil || len(snaps) != 2 || snaps[0].Stats.Resources != 2 || snaps[1].Stats.FindingsNew != 1 {
		t.Fatalf("history json: %v %s", err, out)
	}

	out, errs, code = run(t, "inventory", "--db", db)
	if code != 0 || !strings.Contains(out, "aws.iam.role") || !strings.Contains(out, "aws.s3.bucket") {
		t.Fatalf("inventory (exit %d): %s%s", code, out, errs)
	}
	if strings.Contains(out, "\x1b") || !strings.Contains(out, `\x1b[2J`) {
		t.Fatalf("inventory printed a raw escape: %q", out)
	}
	out, _, _ = run(t, "inventory", "--db", db, "--tag", "env=prod", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][2] != "aws.s3.bucket" {
		t.Fatalf("inventory --tag env=prod csv: %v %q", err, out)
	}
	if name := recs[1][3]; !strings.HasPrefix(name, "'=") || strings.Contains(name, "\x1b") {
		t.Fatalf("a formula or an escape reached the CSV: %q", name)
	}
	out, _, _ = run(t, "inventory", "--db", db, "--kind", "aws.iam.role", "--format", "json")
	var rs []store.StoredResource
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 1 || rs[0].Resource.Attributes.(*model.IAMRole).Name != "admin" {
		t.Fatalf("inventory --kind json: %v %s", err, out)
	}

	out, errs, code = run(t, "query", "--db", db, "SELECT kind, COUNT(*) AS n FROM resources GROUP BY kind ORDER BY kind", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) != 2 || rows[0]["kind"] != "aws.iam.role" || rows[0]["n"] != float64(1) {
		t.Fatalf("query json (exit %d): %v %s%s", code, err, out, errs)
	}
	out, _, code = run(t, "query", "--db", db, "SELECT rule_id, status, first_seen FROM findings")
	if code != 0 || !strings.Contains(out, "AWS-S3-001") || !strings.Contains(out, "open") {
		t.Fatalf("query table: %s", out)
	}
	if _, errs, code = run(t, "query", "--db", db, "DELETE FROM vigil_findings"); code != 2 || errs == "" {
		t.Fatalf("a write query: exit %d %s", code, errs)
	}
	out, _, _ = run(t, "query", "--db", db, "SELECT COUNT(*) FROM findings", "--format", "csv")
	if out != "COUNT(*)\n1\n" {
		t.Fatalf("findings after a refused write: %q", out)
	}

	missing := filepath.Join(t.TempDir(), "none.db")
	if _, errs, code = run(t, "history", "--db", missing); code != 2 || !strings.Contains(errs, "no database") {
		t.Fatalf("history of a missing database: exit %d %s", code, errs)
	}
	if _, _, code = run(t, "inventory", "--db", db, "--format", "xml"); code != 2 {
		t.Fatalf("an unknown format: exit %d", code)
	}
}
