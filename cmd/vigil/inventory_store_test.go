package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/drift"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/store/storetest"
)

// shopWorld is one account in us-east-1 that changes between scans:
//
//	scan 1: buckets shop-assets (locked) and shop-old (public), queue jobs
//	scan 2: shop-assets' Block Public Access switched off, its versioning
//	        on, a tag added; shop-old deleted, shop-new created
//	scan 3: as scan 2, but SQS cannot be listed
//	scan 4: as scan 2 (SQS read again)
func shopWorld(scan int) string {
	locked := `public_access_block: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}`
	assets := "            - name: shop-assets\n              creation_date: 2020-02-03T15:04:05Z\n              " + locked + "\n"
	others := `            - name: shop-old
              creation_date: 2019-06-11T08:42:17Z
              public_access_block: {BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false}
              grants:
                - grantee: {Type: Group, URI: "http://acs.amazonaws.com/groups/global/AllUsers"}
                  permission: READ
`
	if scan >= 2 {
		assets = `            - name: shop-assets
              creation_date: 2020-02-03T15:04:05Z
              public_access_block: {BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
              versioning: {Status: Enabled}
              tags: {temporary: "yes"}
`
		others = "            - name: shop-new\n              creation_date: 2026-12-01T08:00:00Z\n              " + locked + "\n"
	}
	faults := ""
	if scan == 3 {
		faults = "faults:\n  deny: [{service: sqs, operation: ListQueues}]\n"
	}
	return `regions: [us-east-1]
accounts:
  - id: "111111111111"
    name: shop
    access_key: AKIASHOPDRIFT0000001
    resources:
      us-east-1:
        s3:
          buckets:
` + assets + others + `        sqs:
          queues:
            - name: jobs
              attributes: {SqsManagedSseEnabled: "false"}
` + faults
}

// scanWorldInto runs `vigil scan aws` over a world served on loopback,
// storing the snapshot in db.
func scanWorldInto(t *testing.T, world, db string, services ...string) {
	t.Helper()
	w, err := aws.ParseWorld([]byte(world))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(aws.NewServer(w))
	defer srv.Close()
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", w.Accounts[0].AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	t.Setenv("AWS_CA_BUNDLE", "")
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	_, errs, code := run(t, "scan", "aws", "-q", "--regions", "us-east-1", "--services", strings.Join(services, ","), "--db", db, "-f", "json")
	if code != 0 && code != exitFindings && code != exitUnread {
		t.Fatalf("scan: exit %d: %s", code, errs)
	}
}

// TestDiffBaselineDriftOverTheStore: scans of a world that changes, stored
// on each backend, then diff, baseline and drift through the CLI.
func TestDiffBaselineDriftOverTheStore(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			db := b.DSN(t)
			if _, errs, code := run(t, "diff", "--db", db); code != 2 || !strings.Contains(errs, "no") {
				t.Fatalf("diff of an empty store: exit %d, %q", code, errs)
			}
			scanWorldInto(t, shopWorld(1), db, "s3", "sqs")
			if _, errs, code := run(t, "diff", "--db", db); code != 2 || !strings.Contains(errs, "found 1") {
				t.Fatalf("diff with one snapshot: exit %d, %q", code, errs)
			}
			scanWorldInto(t, shopWorld(2), db, "s3", "sqs")

			// JSON: the last two snapshots.
			out, errs, code := run(t, "diff", "--db", db, "-f", "json")
			if code != 0 {
				t.Fatalf("diff: exit %d: %s", code, errs)
			}
			var d drift.Diff
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if d.Before.ID != "1" || d.After.ID != "2" || d.After.Scope != "aws:111111111111@us-east-1" {
				t.Errorf("sides: %+v -> %+v", d.Before, d.After)
			}
			r := d.Resources
			if len(r.Added) != 1 || r.Added[0].ID != "arn:aws:s3:::shop-new" {
				t.Errorf("added: %+v", r.Added)
			}
			if len(r.Removed) != 1 || r.Removed[0].ID != "arn:aws:s3:::shop-old" {
				t.Errorf("removed: %+v", r.Removed)
			}
			if len(r.Unread) != 0 {
				t.Errorf("unread with every unit read: %+v", r.Unread)
			}
			if len(r.Changed) != 1 || r.Changed[0].Resource.ID != "arn:aws:s3:::shop-assets" {
				t.Fatalf("changed: %+v", r.Changed)
			}
			paths := map[string]bool{}
			for _, c := range r.Changed[0].Changes {
				paths[c.Path] = true
			}
			if !paths["attributes.public_access_block.block_public_acls"] || !paths["tags.temporary"] {
				t.Errorf("changes of shop-assets: %+v", r.Changed[0].Changes)
			}
			onAssets, onOld, fixed := false, false, false
			for _, f := range d.Findings.New {
				onAssets = onAssets || f.Resource.ID == "arn:aws:s3:::shop-assets"
			}
			for _, f := range d.Findings.Resolved {
				onOld = onOld || f.Resource.ID == "arn:aws:s3:::shop-old"
				// Fixed on a bucket that is still there: resolved by a pass.
				fixed = fixed || (f.Resource.ID == "arn:aws:s3:::shop-assets" && f.RuleID == "AWS-S3-006")
			}
			if !onAssets || !onOld || !fixed {
				t.Errorf("findings: new %+v; resolved %+v; want a new one on shop-assets, the deleted shop-old's and shop-assets' versioning resolved", d.Findings.New, d.Findings.Resolved)
			}
			if len(d.Findings.Stale) != 0 {
				t.Errorf("stale findings with every unit read: %+v", d.Findings.Stale)
			}
			if d.Findings.StillFailing == 0 {
				t.Error("the queue's finding, failing in both scans, is not counted still failing")
			}
			if _, _, code := run(t, "diff", "--db", db, "--fail-on", "low"); code != 1 {
				t.Errorf("--fail-on low with new findings: exit %d, want 1", code)
			}

			// SQS denied: the queue is unread, not removed; its finding stale.
			scanWorldInto(t, shopWorld(3), db, "s3", "sqs")
			out, errs, code = run(t, "diff", "--db", db)
			if code != 0 {
				t.Fatalf("diff: exit %d: %s", code, errs)
			}
			for _, want := range []string{"Diff 2 ", "-> 3 ", "0 added, 0 removed, 0 changed, 1 unread", "arn:aws:sqs:us-east-1:111111111111:jobs", "1 stale"} {
				if !strings.Contains(out, want) {
					t.Errorf("diff after SQS was denied lacks %q:\n%s", want, out)
				}
			}
			// By id, and across scopes refused.
			if out, errs, code := run(t, "diff", "1", "3", "--db", db, "-f", "json"); code != 0 || !strings.Contains(out, `"unread": [`) {
				t.Errorf("diff 1 3: exit %d %s", code, errs)
			}
			if _, errs, code := run(t, "diff", "x", "--db", db); code != 2 || !strings.Contains(errs, "no snapshot id") {
				t.Errorf("diff x: exit %d, %q", code, errs)
			}
			if _, errs, code := run(t, "diff", "99", "--db", db); code != 2 || !strings.Contains(errs, `no snapshot "99"`) {
				t.Errorf("diff 99: exit %d, %q", code, errs)
			}
			if _, errs, code := run(t, "diff", "1", "--scope", "aws:222222222222", "--db", db); code != 2 || !strings.Contains(errs, "of scope aws:111111111111@us-east-1") {
				t.Errorf("diff 1 of another scope: exit %d, %q", code, errs)
			}

			// Baseline at scan 1; drift from it to scan 3, in Markdown.
			if _, errs, code := run(t, "drift", "--db", db); code != 2 || !strings.Contains(errs, "no baseline") {
				t.Errorf("drift without a baseline: exit %d, %q", code, errs)
			}
			out, errs, code = run(t, "baseline", "set", "1", "--db", db)
			if code != 0 || !strings.Contains(out, "set to snapshot 1") {
				t.Fatalf("baseline set: exit %d %q %s", code, out, errs)
			}
			// As many resources and failing findings as the snapshot counted.
			counts, _, _ := run(t, "query", "SELECT resources || ' resources, ' || findings_open AS n FROM snapshots WHERE id = 1", "--db", db, "-f", "json")
			var cr []struct{ N string }
			if err := json.Unmarshal([]byte(counts), &cr); err != nil || len(cr) != 1 {
				t.Fatalf("query: %v %s", err, counts)
			}
			want := cr[0].N + " failing findings"
			if out, _, _ := run(t, "baseline", "show", "--db", db); !strings.Contains(out, "baseline: snapshot 1") || !strings.Contains(out, want) {
				t.Errorf("baseline show: %q, want %q", out, want)
			}
			out, errs, code = run(t, "drift", "--db", db, "-f", "markdown", "--fail-on-drift")
			if code != 1 {
				t.Errorf("drift --fail-on-drift from a baseline that moved: exit %d: %s", code, errs)
			}
			for _, want := range []string{"Diff 1 — ", "→ 3 — ",
				"### Resources: 1 added, 1 removed, 1 changed, 1 unread, 1 unchanged",
				`- **added** aws\.s3\.bucket arn\:aws\:s3\:\:\:shop\-new`,
				`- **removed** aws\.s3\.bucket arn\:aws\:s3\:\:\:shop\-old`,
				`- attributes\.public\_access\_block\.block\_public\_acls: true → false`,
				`- **unread** aws\.sqs\.queue arn\:aws\:sqs\:us\-east\-1\:111111111111\:jobs`,
				`- **stale** MEDIUM AWS\-SQS\-001`} {
				if !strings.Contains(out, want) {
					t.Errorf("drift (markdown) lacks %q:\n%s", want, out)
				}
			}
			// SQS read again: the queue was there all along, its finding open.
			scanWorldInto(t, shopWorld(2), db, "s3", "sqs")
			out, errs, code = run(t, "diff", "--db", db)
			if code != 0 || !strings.Contains(out, "0 added, 0 removed, 0 changed, 0 unread") ||
				!strings.Contains(out, "0 new, 0 resolved, 0 reopened, 0 stale") {
				t.Errorf("diff after SQS was read again: exit %d %s\n%s", code, errs, out)
			}
			// A baseline set to the latest: nothing drifted.
			run(t, "baseline", "set", "--db", db)
			if out, errs, code := run(t, "drift", "--db", db, "--fail-on-drift"); code != 0 || !strings.Contains(out, "0 added, 0 removed, 0 changed") {
				t.Errorf("drift from the latest: exit %d %s\n%s", code, errs, out)
			}
		})
	}
}

// TestDriftFromStateOverTheStore: vigil drift --tfstate against a stored
// live scan of drift/testdata's world shows the drift that package's tests
// (and the README) show.
func TestDriftFromStateOverTheStore(t *testing.T) {
	world, err := os.ReadFile("../../drift/testdata/world.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			db := b.DSN(t)
			scanWorldInto(t, string(world), db, "s3", "ec2", "iam", "sqs", "sns", "logs", "ecr")
			out, errs, code := run(t, "drift", "--db", db, "--tfstate", "../../drift/testdata/terraform.tfstate")
			if code != 0 {
				t.Fatalf("drift --tfstate: exit %d: %s", code, errs)
			}
			for _, want := range []string{"2 changed, 1 missing, 0 unread, 2 unmanaged, 12 in sync",
				"attributes.public_access_block.block_public_acls: true -> false",
				"aws_security_group.legacy", "arn:aws:s3:::acme-shadow-exports"} {
				if !strings.Contains(out, want) {
					t.Errorf("drift --tfstate lacks %q:\n%s", want, out)
				}
			}
			// An IaC scan is no live inventory.
			if _, _, code := run(t, "scan", "../../examples/terraform", "-q", "--db", db); code != 0 && code != exitFindings {
				t.Fatalf("iac scan: exit %d", code)
			}
			if _, errs, code := run(t, "drift", "--db", db, "--tfstate", "../../drift/testdata/terraform.tfstate"); code != 2 || !strings.Contains(errs, "IaC") {
				t.Errorf("drift --tfstate over an IaC scan: exit %d, %q", code, errs)
			}
			if out, errs, code := run(t, "drift", "--db", db, "--scope", "aws:111111111111@us-east-1", "-f", "json",
				"--tfstate", "../../drift/testdata/terraform.tfstate"); code != 0 || !strings.Contains(out, `"in_sync": 12`) {
				t.Errorf("drift --tfstate --scope: exit %d %s\n%s", code, errs, out)
			}
		})
	}
}

// An IaC file that no longer parses keeps its resources: not removed.
func TestDiffOfIaCWithAnUnparsedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "v.db")
	bucket := func(name string) string {
		return "resource \"aws_s3_bucket\" \"" + name + "\" {\n  bucket = \"" + name + "\"\n}\n"
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	scan := func() {
		t.Helper()
		if _, errs, code := run(t, "scan", dir, "-q", "--db", db); code == 2 {
			t.Fatalf("scan: %s", errs)
		}
	}
	write("a.tf", bucket("a"))
	write("b.tf", bucket("b"))
	scan()
	write("b.tf", bucket("b")+"resource {")
	write("a.tf", bucket("a")+bucket("c"))
	scan()
	out, errs, code := run(t, "diff", "--db", db)
	if code != 0 || !strings.Contains(out, "1 added, 0 removed") || !strings.Contains(out, " 0 resolved") {
		t.Errorf("diff: exit %d %s\n%s", code, errs, out)
	}
}
