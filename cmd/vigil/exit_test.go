package main

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	awsdemo "github.com/vigil-sec/vigil/examples/aws-demo"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
)

// serveDemo serves the demo organization, with faults, from the test
// cloud and points the standard AWS environment at it with the
// management account's key, as the README's test-cloud example does.
func serveDemo(t *testing.T, deny ...aws.Match) {
	t.Helper()
	w, err := aws.ParseWorld(awsdemo.World)
	if err != nil {
		t.Fatal(err)
	}
	w.Faults.Deny = deny
	srv := httptest.NewServer(aws.NewServer(w))
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", w.Accounts[0].AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "x")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CA_BUNDLE", "")
}

var orgScan = []string{"scan", "aws", "-q", "--assume-role", awsdemo.AssumeRole, "--organization"}

// report holds the outputs of one scan in every format.
type reports map[string]string

// scanEveryFormat runs one scan per format into files and returns each
// report and the exit code (the same for every format).
func scanEveryFormat(t *testing.T, args ...string) (reports, int, string) {
	t.Helper()
	dir := t.TempDir()
	out := reports{}
	code, errs := -1, ""
	for _, f := range []string{"table", "json", "sarif", "junit", "csv"} {
		path := filepath.Join(dir, "report."+f)
		_, e, c := run(t, append(append([]string{}, args...), "--format", f, "--output", path)...)
		if code != -1 && c != code {
			t.Fatalf("%s: exit %d, other formats %d", f, c, code)
		}
		code, errs = c, e
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: no report written: %v (%s)", f, err, e)
		}
		out[f] = string(b)
	}
	return out, code, errs
}

// checkEveryFormat asserts that each of wants appears in every format and
// that the structured ones list n unread inputs.
func checkEveryFormat(t *testing.T, r reports, n int, wants ...string) {
	t.Helper()
	for f, text := range r {
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s report lacks %q:\n%s", f, w, text)
			}
		}
	}
	var doc struct {
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r["json"]), &doc); err != nil || len(doc.Errors) != n {
		t.Errorf("json: %d errors (%v), want %d", len(doc.Errors), err, n)
	}
	var ju struct {
		Errors int `xml:"errors,attr"`
		Suites []struct {
			Name  string `xml:"name,attr"`
			Tests int    `xml:"tests,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(r["junit"]), &ju); err != nil {
		t.Fatal(err)
	}
	input := 0
	for _, s := range ju.Suites {
		if s.Name == "vigil.input" {
			input = s.Tests
		}
	}
	if input != n || ju.Errors < n {
		t.Errorf("junit: %d unread testcases, %d errors; want %d", input, ju.Errors, n)
	}
	rows, err := csv.NewReader(strings.NewReader(r["csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	unread := 0
	for _, row := range rows[1:] {
		if row[0] == "" && row[3] == "error" {
			unread++
		}
	}
	if unread != n {
		t.Errorf("csv: %d unread rows, want %d", unread, n)
	}
}

// With AssumeRole denied into every account nothing is read: the scan
// must not pass, whatever --fail-on says, and every format says why.
func TestLiveScanWithEveryAccountDeniedExits2(t *testing.T) {
	serveDemo(t, aws.Match{Service: "sts", Operation: "AssumeRole"})
	r, code, errs := scanEveryFormat(t, append(orgScan, "--fail-on", "low")...)
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, errs)
	}
	if !strings.Contains(errs, "nothing scanned: every account failed: 3 accounts could not be scanned") ||
		!strings.Contains(errs, "222222222222 sts:AssumeRole: AccessDenied") {
		t.Errorf("stderr does not say why:\n%s", errs)
	}
	// 3 AssumeRole errors and the reason itself.
	checkEveryFormat(t, r, 4, "111111111111", "222222222222", "333333333333", "AssumeRole", "every account failed")
}

// One unreadable service is an incomplete scan: it passes by default,
// exits 3 with --fail-on-errors (flag or vigil.yaml), and a failing
// finding still exits 1 (it is certain whatever was not read).
func TestCollectionErrorsAndFailOnErrors(t *testing.T) {
	serveDemo(t, aws.Match{Account: "222222222222", Service: "s3", Operation: "GetBucketPolicy"})
	r, code, errs := scanEveryFormat(t, orgScan...)
	if code != 0 {
		t.Fatalf("exit %d without --fail-on-errors: %s", code, errs)
	}
	// The account holds two buckets: one error each, naming the bucket.
	checkEveryFormat(t, r, 2, "222222222222", "GetBucketPolicy", "AccessDenied", "arn:aws:s3:::acme-prod-customer-exports")
	// Its policy unread, the public bucket gets no verdict from the rules
	// that read the policy: neither the failure it has nor a pass.
	var doc struct {
		Findings []model.Finding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r["json"]), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Findings {
		if f.Resource.ID == "arn:aws:s3:::acme-prod-customer-exports" && (f.RuleID == "AWS-S3-002" || f.RuleID == "AWS-S3-008") {
			t.Errorf("%s gives %s on a bucket whose policy was not read", f.RuleID, f.Status)
		}
	}

	if _, errs, code := run(t, append(orgScan, "--fail-on-errors")...); code != 3 || !strings.Contains(errs, "--fail-on-errors: 2 inputs not read") {
		t.Errorf("--fail-on-errors: exit %d, want 3: %s", code, errs)
	}
	if _, errs, code := run(t, append(orgScan, "--fail-on-errors", "--fail-on", "critical")...); code != 1 {
		t.Errorf("--fail-on-errors with critical findings: exit %d, want 1: %s", code, errs)
	}
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("fail_on_errors: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, append(orgScan, "--config", cfg)...); code != 3 {
		t.Errorf("fail_on_errors in vigil.yaml: exit %d, want 3: %s", code, errs)
	}
	if _, errs, code := run(t, append(orgScan, "--config", cfg, "--fail-on-errors=false")...); code != 0 {
		t.Errorf("--fail-on-errors=false over vigil.yaml: exit %d, want 0: %s", code, errs)
	}
}

func TestIaCScanOfNothingExits2(t *testing.T) {
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "notes.md"), []byte("# no IaC here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, code, errs := scanEveryFormat(t, "scan", "-q", "--fail-on", "low", empty)
	if code != 2 || !strings.Contains(errs, "nothing scanned: no IaC files") || !strings.Contains(errs, empty) {
		t.Fatalf("exit %d, want 2 with the reason: %s", code, errs)
	}
	checkEveryFormat(t, r, 1, "no IaC files")

	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "main.tf"), []byte("resource \"aws_s3_bucket\" \"b\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = run(t, "scan", "-q", broken)
	if code != 2 || !strings.Contains(errs, "but no resource could be read from them") || !strings.Contains(errs, "main.tf:") {
		t.Fatalf("unparsable tree: exit %d, want 2 with the file's error: %s", code, errs)
	}
}

// IaC read errors count for --fail-on-errors like live ones.
func TestIaCReadErrorsAndFailOnErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"ok.tf":          "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n  sqs_managed_sse_enabled = true\n}\n",
		"broken/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, code, errs := scanEveryFormat(t, "scan", "-q", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	checkEveryFormat(t, r, 1, "main.tf")
	if _, errs, code := run(t, "scan", "-q", "--fail-on-errors", dir); code != 3 {
		t.Fatalf("--fail-on-errors: exit %d, want 3: %s", code, errs)
	}
}

// A suppression of a rule that does not exist stops the scan with the
// entry's file:line; a live scan stops collecting instead of reading the
// whole estate first.
func TestSuppressionOfUnknownRuleIsAUsageError(t *testing.T) {
	serveDemo(t)
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("suppressions:\n  - rule: AWS-S3-0001\n    reason: typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := cfg + ":2: suppressions[0]: no rule AWS-S3-0001 is loaded"
	for _, args := range [][]string{append(orgScan, "--config", cfg), {"scan", "-q", "--config", cfg, "../../examples/terraform"}} {
		if _, errs, code := run(t, args...); code != 2 || !strings.Contains(errs, want) {
			t.Errorf("%v: exit %d, want 2 and %q: %s", args, code, want, errs)
		}
	}
}
