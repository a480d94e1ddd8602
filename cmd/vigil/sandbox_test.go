package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeRule writes a custom rule whose deny body is given, in a policy
// directory of its own.
func writeRule(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "aws", "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	rule := `# METADATA
# title: Buckets are checked against the inventory service
# custom:
#   id: ACME-S3-002
#   severity: low
#   kinds: [aws.s3.bucket]
package acme.s3.inventory

deny contains "not in the inventory" if {
	` + body + `
}
`
	if err := os.WriteFile(filepath.Join(dir, "aws", "s3", "inventory.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSandboxFlagsAndConfig(t *testing.T) {
	chdirRepo(t)
	dir := writeRule(t, `http.send({"method": "get", "url": "http://127.0.0.1:9/"}).status_code != 200`)
	_, errs, code := run(t, "scan", "-q", "--policy", dir, "examples/terraform")
	if code != 2 || !strings.Contains(errs, "inventory.rego:10: rule ACME-S3-002 calls http.send") || !strings.Contains(errs, "--allow-builtin http.send") {
		t.Fatalf("a rule calling http.send should not load: exit %d %q", code, errs)
	}
	_, errs, code = run(t, "scan", "-q", "--policy", dir, "--allow-builtin", "http.send", "examples/terraform")
	if code != 2 || !strings.Contains(errs, "--allow-net HOST") {
		t.Fatalf("http.send without hosts: exit %d %q", code, errs)
	}
	out, errs, code := run(t, "rules", "list", "--policy", dir, "--allow-builtin", "http.send", "--allow-net", "127.0.0.1")
	if code != 0 || !strings.Contains(out, "ACME-S3-002") {
		t.Fatalf("allowed by flags: exit %d %q", code, errs)
	}
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	yaml := "sandbox:\n  allow_builtins: [http.send]\n  allow_net: [127.0.0.1]\n  timeout: 2s\n  memory_mb: 256\n"
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "rules", "list", "--policy", dir, "--config", cfg)
	if code != 0 || !strings.Contains(out, "ACME-S3-002") {
		t.Fatalf("allowed by vigil.yaml: exit %d %q", code, errs)
	}
	if err := os.WriteFile(cfg, []byte("sandbox:\n  timeout: soon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code = run(t, "rules", "list", "--config", cfg); code != 2 || !strings.Contains(errs, "sandbox.timeout") {
		t.Fatalf("a bad timeout: exit %d %q", code, errs)
	}
}

func TestRulesExplain(t *testing.T) {
	out, errs, code := run(t, "rules", "explain", "AWS-EC2-011")
	if code != 0 {
		t.Fatalf("exit %d %q", code, errs)
	}
	for _, want := range []string{"AWS-EC2-011", "Remediation:", "Reads (input.attributes):", "ebs_encryption_by_default  boolean",
		"Rego source (builtin:aws/ec2/ebs_default_encryption.rego):", "package vigil.rules.aws.ec2.ebs_default_encryption"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "rules", "explain", "aws-ec2-011", "--format", "json")
	if code != 0 || !strings.Contains(out, `"read_attributes": [`) || !strings.Contains(out, `"source": "# METADATA`) {
		t.Fatalf("explain json: exit %d\n%s", code, out)
	}
	if _, errs, code := run(t, "rules", "explain", "NOPE-1"); code != 2 || !strings.Contains(errs, "no rule") {
		t.Fatalf("unknown rule: exit %d %q", code, errs)
	}
	out, _, _ = run(t, "rules", "--help")
	if !strings.Contains(out, "explain") {
		t.Fatalf("rules --help should list explain:\n%s", out)
	}
}
