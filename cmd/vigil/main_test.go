package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes the CLI in-process and returns stdout, stderr and the exit
// code main would use.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetArgs(args)
	err := root.Execute()
	code := 0
	if err != nil {
		code = 2
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		if ee == nil || ee.err != nil {
			errb.WriteString(err.Error())
		}
	}
	return out.String(), errb.String(), code
}

func chdirRepo(t *testing.T) {
	t.Helper()
	t.Chdir("../..")
}

type jsonReport struct {
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Severity string `json:"severity"`
		Status   string `json:"status"`
		Location *struct {
			File      string `json:"file"`
			StartLine int    `json:"start_line"`
		} `json:"location"`
		Compliance map[string][]string `json:"compliance"`
	} `json:"findings"`
	Summary struct {
		Fail int `json:"fail"`
		Pass int `json:"pass"`
	} `json:"summary"`
}

func scanJSON(t *testing.T, args ...string) jsonReport {
	t.Helper()
	out, errs, code := run(t, append([]string{"scan", "--format", "json", "-q"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json report does not parse: %v\n%s", err, out)
	}
	return r
}

func TestExamplesFailAndTheirFixedTwinsPass(t *testing.T) {
	chdirRepo(t)
	for _, ex := range []string{"terraform", "cloudformation", "kubernetes"} {
		t.Run(ex, func(t *testing.T) {
			bad := scanJSON(t, filepath.Join("examples", ex))
			if bad.Summary.Fail == 0 {
				t.Fatalf("examples/%s should have failures", ex)
			}
			for _, f := range bad.Findings {
				if f.Status == "fail" && (f.Location == nil || f.Location.File == "" || f.Location.StartLine == 0) {
					t.Errorf("finding %s has no file:line: %+v", f.RuleID, f.Location)
				}
			}
			good := scanJSON(t, filepath.Join("examples", ex+"-fixed"))
			for _, f := range good.Findings {
				if f.Status == "fail" {
					t.Errorf("examples/%s-fixed should scan clean, but %s fails at %+v", ex, f.RuleID, f.Location)
				}
			}
		})
	}
}

func TestFailOnExitCode(t *testing.T) {
	chdirRepo(t)
	if _, _, code := run(t, "scan", "-q", "--fail-on", "high", "examples/terraform"); code != 1 {
		t.Fatalf("--fail-on high on a tree with high findings: exit %d, want 1", code)
	}
	if _, _, code := run(t, "scan", "-q", "--fail-on", "high", "examples/terraform-fixed"); code != 0 {
		t.Fatalf("--fail-on high on a clean tree: exit %d, want 0", code)
	}
	if _, errs, code := run(t, "scan", "--fail-on", "severe", "examples/terraform"); code != 2 || !strings.Contains(errs, "unknown severity") {
		t.Fatalf("bad --fail-on: exit %d, %q", code, errs)
	}
}

func TestSeverityFilter(t *testing.T) {
	chdirRepo(t)
	r := scanJSON(t, "--severity", "high", "examples/terraform")
	if len(r.Findings) == 0 {
		t.Fatal("no high findings")
	}
	for _, f := range r.Findings {
		if f.Severity != "high" && f.Severity != "critical" {
			t.Errorf("%s (%s) should have been filtered", f.RuleID, f.Severity)
		}
	}
}

func TestEveryFormatRendersToFile(t *testing.T) {
	chdirRepo(t)
	dir := t.TempDir()
	for _, f := range []string{"table", "json", "sarif", "junit", "csv"} {
		out := filepath.Join(dir, "report."+f)
		if _, errs, code := run(t, "scan", "-q", "--format", f, "--output", out, "examples/kubernetes"); code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: empty report (%v)", f, err)
		}
	}
	if _, errs, code := run(t, "scan", "--format", "pdf", "examples/kubernetes"); code != 2 || !strings.Contains(errs, "--format") {
		t.Fatalf("unknown format: exit %d %q", code, errs)
	}
}

func TestDisableRuleAndCustomPolicy(t *testing.T) {
	chdirRepo(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "aws", "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	rule := `# METADATA
# title: Buckets must carry an owner tag
# description: Every bucket needs an Owner tag so someone answers for it.
# custom:
#   id: ACME-S3-001
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Add an Owner tag.
package acme.s3.owner

deny contains {"msg": "bucket has no Owner tag"} if not input.tags.Owner
`
	if err := os.WriteFile(filepath.Join(dir, "aws", "s3", "owner.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	r := scanJSON(t, "--policy", dir, "--disable-rule", "AWS-S3-001", "examples/terraform")
	custom, disabled := false, false
	for _, f := range r.Findings {
		custom = custom || f.RuleID == "ACME-S3-001"
		disabled = disabled || f.RuleID == "AWS-S3-001"
	}
	if !custom || disabled {
		t.Fatalf("custom rule ran: %v; disabled rule ran: %v", custom, disabled)
	}
}

func TestRulesAndSchemaCommands(t *testing.T) {
	out, _, code := run(t, "rules", "list", "--format", "json")
	if code != 0 {
		t.Fatalf("rules list exit %d", code)
	}
	var rules []struct {
		ID       string   `json:"id"`
		Kinds    []string `json:"kinds"`
		Severity string   `json:"severity"`
	}
	if err := json.Unmarshal([]byte(out), &rules); err != nil || len(rules) < 85 {
		t.Fatalf("rules list json: %v, %d rules", err, len(rules))
	}
	out, _, code = run(t, "rules", "show", "AWS-S3-001")
	if code != 0 || !strings.Contains(out, "AWS-S3-001") || !strings.Contains(out, "Remediation") {
		t.Fatalf("rules show: exit %d\n%s", code, out)
	}
	if _, errs, code := run(t, "rules", "show", "NOPE-1"); code != 2 || !strings.Contains(errs, "no rule") {
		t.Fatalf("unknown rule: exit %d %q", code, errs)
	}
	out, _, code = run(t, "schema", "aws.s3.bucket")
	if code != 0 || !strings.Contains(out, "public_access_block.block_public_acls") {
		t.Fatalf("schema: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "schema")
	if !strings.Contains(out, "kubernetes.deployment") {
		t.Fatalf("schema list lacks kinds:\n%s", out)
	}
}

func TestMissingTargetIsAUsageError(t *testing.T) {
	_, errs, code := run(t, "scan", "-q", "does-not-exist")
	if code != 2 || !strings.Contains(errs, "cannot scan does-not-exist: no such file or directory") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}

func TestTestCloudServeNeedsAWorld(t *testing.T) {
	if _, errs, code := run(t, "testcloud", "serve"); code != 2 || !strings.Contains(errs, "--world is required") {
		t.Fatalf("exit %d %q", code, errs)
	}
	bad := filepath.Join(t.TempDir(), "world.yaml")
	if err := os.WriteFile(bad, []byte("accounts: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "testcloud", "serve", "--world", bad); code != 2 || !strings.Contains(errs, "no accounts") {
		t.Fatalf("exit %d %q", code, errs)
	}
}
