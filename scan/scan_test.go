package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/config"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

const publicBucket = `resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_ownership_controls" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}
`

func setup(t *testing.T, cfgText string) (string, *config.Config, *policy.Engine) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(publicBucket), 0o644); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "vigil.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath, true)
	if err != nil {
		t.Fatal(err)
	}
	e, err := policy.New(context.Background(), policy.Options{Disabled: cfg.Rules.Disable, Severities: cfg.Severities()})
	if err != nil {
		t.Fatal(err)
	}
	return dir, cfg, e
}

// iacAt is the IaC source of one directory.
func iacAt(dir string) *IaC { return &IaC{Targets: []string{dir}, Base: dir} }

func status(t *testing.T, fs []model.Finding, rule string) model.Status {
	t.Helper()
	for _, f := range fs {
		if f.RuleID == rule {
			return f.Status
		}
	}
	return ""
}

func TestConfigSuppressionUntilExpiry(t *testing.T) {
	dir, cfg, e := setup(t, `suppressions:
  - rule: AWS-S3-001
    resource: "main.tf:aws_s3_bucket.*"
    reason: public website
    owner: web-team
    expires: 2027-01-31
`)
	run := func(now string) *model.Finding {
		ts, _ := time.Parse("2006-01-02", now)
		res, err := Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg, Now: func() time.Time { return ts }})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Findings {
			if res.Findings[i].RuleID == "AWS-S3-001" {
				return &res.Findings[i]
			}
		}
		t.Fatal("AWS-S3-001 did not run")
		return nil
	}
	if f := run("2027-01-31"); f.Status != model.StatusSuppressed || f.SuppressedBy != "vigil.yaml: public website (owner web-team) until 2027-01-31" {
		t.Fatalf("before expiry: %s %q", f.Status, f.SuppressedBy)
	}
	f := run("2027-02-01")
	if f.Status != model.StatusFail {
		t.Fatalf("after expiry the finding must come back, got %s", f.Status)
	}
	// ... and say which suppression expired, so nobody wonders why.
	want := "suppression at " + filepath.Join(dir, "vigil.yaml") + ":2 expired on 2027-01-31: public website (owner web-team)"
	if f.SuppressionExpired != want {
		t.Fatalf("expired suppression:\n got %q\nwant %q", f.SuppressionExpired, want)
	}
}

func TestExpiredSuppressionsAreListed(t *testing.T) {
	dir, cfg, e := setup(t, `suppressions:
  - rule: AWS-S3-002
    reason: matches nothing, expired
    expires: 2020-01-01
  - rule: AWS-S3-001
    reason: still valid
    expires: 2099-01-01
`)
	res, err := Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings = %+v, want the one expired suppression", res.Warnings)
	}
	w := res.Warnings[0]
	if w.File != filepath.Join(dir, "vigil.yaml") || w.Line != 2 || !strings.Contains(w.Message, "suppression of AWS-S3-002 expired on 2020-01-01") {
		t.Fatalf("warning = %+v", w)
	}
}

func TestSuppressionOfAnUnknownRuleIsAnError(t *testing.T) {
	dir, cfg, e := setup(t, "suppressions:\n  - rule: AWS-S3-0001\n    reason: typo\n")
	_, err := Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg})
	if err == nil || !strings.Contains(err.Error(), "vigil.yaml:2: suppressions[0]: no rule AWS-S3-0001 is loaded") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownRuleInVigilIgnoreWarns(t *testing.T) {
	dir := t.TempDir()
	tf := `# vigil:ignore AWS-S3-0001 typo of the rule id
# vigil:ignore AWS-S3-009 a real rule
resource "aws_s3_bucket" "b" {
  bucket = "b" # vigil:ignore NOPE-1,AWS-S3-006
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tf), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), iacAt(dir), Options{Engine: e})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message))
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "main.tf:1: unknown rule id AWS-S3-0001 in vigil:ignore") ||
		!strings.HasPrefix(got[1], "main.tf:4: unknown rule id NOPE-1 in vigil:ignore") {
		t.Fatalf("warnings:\n%s", strings.Join(got, "\n"))
	}
}

// An IaC scan that finds nothing to judge says why; the CLI exits 2 on it.
func TestNothingScannedSaysWhy(t *testing.T) {
	cases := map[string]struct {
		files map[string]string
		want  string
	}{
		"no IaC files": {map[string]string{"README.md": "# hi\n", "data.json": `{"a": 1}`},
			"no IaC files (Terraform, Terraform plan JSON, CloudFormation, Kubernetes manifests) found under "},
		"unparsable": {map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n"},
			"1 IaC file found under DIR, but no resource could be read from them: 1 file could not be parsed"},
		"nothing mapped": {map[string]string{"main.tf": "variable \"x\" {}\nresource \"google_storage_bucket\" \"b\" {\n  name = \"b\"\n}\n"},
			"1 IaC file found under DIR, but nothing Vigil can judge: 1 resource of a type Vigil does not map yet: google_storage_bucket (1)"},
		"nothing in a cloud": {map[string]string{"main.tf": "resource \"random_id\" \"x\" {\n  byte_length = 4\n}\n"},
			"1 IaC file found under DIR, but they declare no resource Vigil maps"},
		"only a chart": {map[string]string{"Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n"},
			"no IaC files (Terraform, Terraform plan JSON, CloudFormation, Kubernetes manifests) found under DIR; not judged: 1 chart not rendered: . (helm)"},
		"something": {map[string]string{"main.tf": publicBucket}, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for f, text := range c.files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			in, err := iacAt(dir).Read(context.Background(), func(Event) {})
			if err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(c.want, "DIR", dir)
			if (want == "") != (in.NothingScanned == "") || !strings.HasPrefix(in.NothingScanned, want) {
				t.Fatalf("NothingScanned = %q, want %q...", in.NothingScanned, want)
			}
		})
	}
}

func TestSeverityFloorAndPassedFindings(t *testing.T) {
	dir, cfg, e := setup(t, "rules:\n  severity: {AWS-S3-001: low}\n")
	res, err := Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg, MinSeverity: model.SeverityMedium})
	if err != nil {
		t.Fatal(err)
	}
	if s := status(t, res.Findings, "AWS-S3-001"); s != "" {
		t.Fatalf("re-rated to low, it must be filtered below medium; got %s", s)
	}
	if res.Summary.Pass == 0 {
		t.Fatal("summary must count passes even when they are not listed")
	}
	for _, f := range res.Findings {
		if f.Status == model.StatusPass {
			t.Fatal("passed findings listed without IncludePassed")
		}
	}
	res, _ = Run(context.Background(), iacAt(dir), Options{Engine: e, Config: cfg, IncludePassed: true})
	if s := status(t, res.Findings, "AWS-S3-010"); s != "" && s != model.StatusPass {
		t.Fatalf("unexpected %s", s)
	}
	passes := 0
	for _, f := range res.Findings {
		if f.Status == model.StatusPass {
			passes++
		}
	}
	if passes == 0 {
		t.Fatal("IncludePassed lists passes")
	}
}

func TestConfigRejectsSuppressionWithoutReason(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "vigil.yaml")
	os.WriteFile(p, []byte("suppressions:\n  - rule: AWS-S3-001\n"), 0o644)
	if _, err := config.Load(p, true); err == nil {
		t.Fatal("a suppression without a reason must be rejected")
	}
	os.WriteFile(p, []byte("rulez: {}\n"), 0o644)
	if _, err := config.Load(p, true); err == nil {
		t.Fatal("an unknown key must be rejected")
	}
}

// Reports list failures first, the most severe first, then by file, line,
// rule and resource; findings equal in all of these keep their order.
func TestSortOrder(t *testing.T) {
	at := func(file string, line int) *model.Location { return &model.Location{File: file, StartLine: line} }
	fs := []model.Finding{
		{RuleID: "P", Status: model.StatusPass, Severity: model.SeverityCritical, Location: at("a.tf", 1)},
		{RuleID: "B", Status: model.StatusFail, Severity: model.SeverityLow, Location: at("a.tf", 1)},
		{RuleID: "S", Status: model.StatusSuppressed, Severity: model.SeverityHigh, Location: at("a.tf", 1)},
		{RuleID: "A", Status: model.StatusFail, Severity: model.SeverityHigh, Location: at("b.tf", 2)},
		{RuleID: "A", Status: model.StatusFail, Severity: model.SeverityHigh, Location: at("b.tf", 1)},
		{RuleID: "E", Status: model.StatusError, Severity: model.SeverityHigh, Location: at("a.tf", 1)},
		{RuleID: "A", Status: model.StatusFail, Severity: model.SeverityHigh, Resource: model.ResourceRef{ID: "live-2"}, Message: "first"},
		{RuleID: "A", Status: model.StatusFail, Severity: model.SeverityHigh, Resource: model.ResourceRef{ID: "live-1"}},
		{RuleID: "A", Status: model.StatusFail, Severity: model.SeverityHigh, Resource: model.ResourceRef{ID: "live-2"}, Message: "second"},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		where := f.Resource.ID
		if f.Location != nil {
			where = fmt.Sprintf("%s:%d", f.Location.File, f.Location.StartLine)
		}
		got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s %s", f.Status, f.RuleID, where, f.Message)))
	}
	want := []string{
		"fail A b.tf:1", "fail A b.tf:2", "fail A live-1", "fail A live-2 first", "fail A live-2 second",
		"fail B a.tf:1", "error E a.tf:1", "suppressed S a.tf:1", "pass P a.tf:1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
