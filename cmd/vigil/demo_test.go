package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/internal/testcloud/aws"
)

// The README's first command: the demo scans three accounts in two
// regions through the real collector and finds the demo's planted
// misconfigurations, whatever AWS configuration the machine has.
func TestScanAWSDemo(t *testing.T) {
	t.Setenv("AWS_CA_BUNDLE", "")
	t.Setenv("AWS_PROFILE", "does-not-exist")
	t.Setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:1")
	out, errs, code := run(t, "scan", "aws", "--demo", "--format", "json", "--fail-on", "critical")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (critical findings): %s", code, errs)
	}
	if !strings.Contains(errs, "DEMO") || !strings.Contains(errs, "No AWS account is contacted") {
		t.Errorf("the demo does not say it is one: %s", errs)
	}
	var r struct {
		Scan struct {
			Targets []string `json:"targets"`
		} `json:"scan"`
		Errors   []json.RawMessage `json:"errors"`
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Status   string `json:"status"`
			Resource struct {
				Name string `json:"name"`
			} `json:"resource"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Scan.Targets) != 3 || len(r.Errors) != 0 {
		t.Errorf("targets %v, errors %s", r.Scan.Targets, r.Errors)
	}
	found := map[string]bool{}
	for _, f := range r.Findings {
		if f.Status == "fail" {
			found[f.RuleID+" "+f.Resource.Name] = true
		}
	}
	for _, want := range []string{
		"AWS-S3-002 acme-prod-customer-exports", // public bucket policy
		"AWS-EC2-002 bastion-ssh",               // SSH from the internet
		"AWS-RDS-002 orders-db",                 // public database
		"AWS-IAM-006 web-admin",                 // admin role
		"AWS-LAMBDA-002 dev-webhook",            // unauthenticated function URL
	} {
		if !found[want] {
			t.Errorf("the demo does not find %s", want)
		}
	}
}

func TestDemoFlagConflicts(t *testing.T) {
	_, errs, code := run(t, "scan", "aws", "--demo", "--profile", "prod")
	if code != 2 || !strings.Contains(errs, "--demo") {
		t.Errorf("--demo with --profile: exit %d %s", code, errs)
	}
}

func TestTestCloudGenerate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "world.yaml")
	_, errs, code := run(t, "testcloud", "generate", "--resources", "300", "--accounts", "2", "--regions", "3", "-o", path)
	if code != 0 || !strings.Contains(errs, "300 resources") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	w, err := aws.LoadWorld(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Accounts) != 2 || len(w.Regions) != 3 {
		t.Errorf("accounts %d regions %v", len(w.Accounts), w.Regions)
	}
	if _, errs, code := run(t, "testcloud", "generate", "--regions", "9"); code != 2 || !strings.Contains(errs, "regions") {
		t.Errorf("9 regions: exit %d %s", code, errs)
	}
	if err := os.WriteFile(path, []byte("accounts: [{id: '1'}]"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "testcloud", "serve", "--world", path); code != 2 || !strings.Contains(errs, "12-digit") {
		t.Errorf("a bad world: exit %d %s", code, errs)
	}
}
