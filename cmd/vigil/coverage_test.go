package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestRulesCoverage(t *testing.T) {
	out, errs, code := run(t, "rules", "coverage", "cis-aws-7.0")
	if code != 0 {
		t.Fatalf("rules coverage: exit %d\n%s", code, errs)
	}
	total := regexp.MustCompile(`(?m)^automated controls covered (\d+) / 34$`).FindStringSubmatch(out)
	if total == nil || total[1] == "0" {
		t.Fatalf("no total line over the 34 automated controls:\n%s", out)
	}
	// A control row: id, assessment, level, title, rules.
	if !regexp.MustCompile(`(?m)^2\.5 +automated +L1 +The root user has MFA +AWS-IAM-012$`).MatchString(out) {
		t.Errorf("no row for 2.5 with its rule:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^2\.1\.1 +manual +L2 .* -$`).MatchString(out) {
		t.Errorf("no row for the manual control 2.1.1 without rules:\n%s", out)
	}

	out, _, code = run(t, "rules", "coverage", "cis-aws-3.0", "--format", "json")
	if code != 0 {
		t.Fatalf("rules coverage json: exit %d", code)
	}
	var cov struct {
		Framework        string `json:"framework"`
		Automated        int    `json:"automated"`
		AutomatedCovered int    `json:"automated_covered"`
		Controls         []struct {
			ID        string   `json:"id"`
			Automated bool     `json:"automated"`
			Rules     []string `json:"rules"`
		} `json:"controls"`
	}
	if err := json.Unmarshal([]byte(out), &cov); err != nil {
		t.Fatal(err)
	}
	if cov.Framework != "cis-aws-3.0" || len(cov.Controls) != 62 || cov.Automated != 50 || cov.AutomatedCovered == 0 {
		t.Fatalf("json coverage: %s, %d controls, %d/%d automated", cov.Framework, len(cov.Controls), cov.AutomatedCovered, cov.Automated)
	}
	for _, c := range cov.Controls {
		if c.ID == "4.1" && (len(c.Rules) != 1 || c.Rules[0] != "AWS-CW-001") {
			t.Errorf("3.0 4.1 rules %v", c.Rules)
		}
	}

	if _, errs, code := run(t, "rules", "coverage", "cis-aws-9.9"); code != 2 || !strings.Contains(errs, "cis-aws-7.0") {
		t.Errorf("unknown framework: exit %d %q", code, errs)
	}
}

// A disabled rule does not cover its controls; a custom rule does.
func TestRulesCoverageCustomAndDisabled(t *testing.T) {
	dir := t.TempDir()
	rule := `# METADATA
# title: Custom root check
# custom:
#   id: ACME-ROOT-001
#   severity: high
#   kinds: [aws.account]
#   compliance:
#     cis-aws-7.0: ["2.6"]
package acme.root

deny contains {"msg": "x"} if input.attributes.root_mfa_enabled == false
`
	if err := os.WriteFile(filepath.Join(dir, "root.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [AWS-IAM-012]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "rules", "coverage", "cis-aws-7.0", "--policy", dir, "--config", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`(?m)^2\.6 .*ACME-ROOT-001\b`).MatchString(out) {
		t.Errorf("custom rule does not cover 2.6:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^2\.5 .*AWS-IAM-012$`).MatchString(out) {
		t.Errorf("disabled rule still covers 2.5:\n%s", out)
	}
}
