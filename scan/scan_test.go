package scan

import (
	"context"
	"os"
	"path/filepath"
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
		res, err := Run(context.Background(), Options{Targets: []string{dir}, Base: dir, Engine: e, Config: cfg, Now: func() time.Time { return ts }})
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
	if f := run("2027-02-01"); f.Status != model.StatusFail {
		t.Fatalf("after expiry the finding must come back, got %s", f.Status)
	}
}

func TestSeverityFloorAndPassedFindings(t *testing.T) {
	dir, cfg, e := setup(t, "rules:\n  severity: {AWS-S3-001: low}\n")
	res, err := Run(context.Background(), Options{Targets: []string{dir}, Base: dir, Engine: e, Config: cfg, MinSeverity: model.SeverityMedium})
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
	res, _ = Run(context.Background(), Options{Targets: []string{dir}, Base: dir, Engine: e, Config: cfg, IncludePassed: true})
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
