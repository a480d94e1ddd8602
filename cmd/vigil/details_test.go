package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// detail is what --details shows under one failed finding.
type detail struct {
	rule, resource, yaml string
	// inlineFile and inlineLine: where the "# vigil:ignore" goes.
	inlineFile string
	inlineLine string
}

func details(t *testing.T, table string) []detail {
	t.Helper()
	var out []detail
	for _, block := range strings.Split(table, "\n\n") {
		lines := strings.Split(block, "\n")
		head := strings.Fields(lines[0])
		if len(head) < 2 {
			continue
		}
		d := detail{rule: head[1]}
		for i, l := range lines {
			l = strings.TrimSpace(l)
			switch {
			case strings.HasPrefix(l, "resource: "):
				d.resource = strings.TrimPrefix(l, "resource: ")
			case l == "to accept it, add to vigil.yaml under suppressions:" && i+1 < len(lines):
				d.yaml = strings.TrimSpace(lines[i+1])
			case strings.HasPrefix(l, "or write above "):
				where, comment, _ := strings.Cut(strings.TrimPrefix(l, "or write above "), ":  ")
				if comment != "# vigil:ignore "+d.rule+" <why it is accepted>" {
					t.Errorf("inline comment %q", comment)
				}
				d.inlineFile, d.inlineLine, _ = strings.Cut(where, ":")
			}
		}
		if d.yaml != "" {
			out = append(out, d)
		}
	}
	return out
}

// fill replaces the placeholders a person fills in.
func fill(s string) string {
	return strings.NewReplacer("<why it is accepted>", "accepted in a test", "<team>", "qa", "<YYYY-MM-DD>", "2099-12-31").Replace(s)
}

type suppressedFinding struct {
	RuleID       string `json:"rule_id"`
	Status       string `json:"status"`
	SuppressedBy string `json:"suppressed_by"`
	Resource     struct {
		ID string `json:"id"`
	} `json:"resource"`
}

func findingsOf(t *testing.T, out string) []suppressedFinding {
	t.Helper()
	var r struct {
		Findings []suppressedFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r.Findings
}

// checkOnlySuppressed asserts that exactly the finding d is suppressed.
func checkOnlySuppressed(t *testing.T, fs []suppressedFinding, d detail, by string) {
	t.Helper()
	n := 0
	for _, f := range fs {
		if f.Status != "suppressed" {
			continue
		}
		n++
		if f.RuleID != d.rule || f.Resource.ID != d.resource || !strings.Contains(f.SuppressedBy, by) {
			t.Errorf("suppressed %s on %s (%s), want only %s on %s", f.RuleID, f.Resource.ID, f.SuppressedBy, d.rule, d.resource)
		}
	}
	if n != 1 {
		t.Errorf("%d findings suppressed, want 1 (%s on %s)", n, d.rule, d.resource)
	}
}

// What --details prints is enough to accept a finding: the vigil.yaml
// entry, pasted with its placeholders filled, suppresses that finding and
// no other.
func TestDetailsSuppressionEntryWorks(t *testing.T) {
	chdirRepo(t)
	out, errs, code := run(t, "scan", "-q", "--details", "examples/terraform")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ds := details(t, out)
	if len(ds) < 5 {
		t.Fatalf("%d findings with details:\n%s", len(ds), out)
	}
	for _, d := range []detail{ds[0], ds[len(ds)-1]} {
		cfg := filepath.Join(t.TempDir(), "vigil.yaml")
		if err := os.WriteFile(cfg, []byte("suppressions:\n  "+fill(d.yaml)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errs, code := run(t, "scan", "-q", "--format", "json", "--config", cfg, "examples/terraform")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", d.yaml, code, errs)
		}
		checkOnlySuppressed(t, findingsOf(t, out), d, "accepted in a test")
	}
	// details: true in vigil.yaml does the same as the flag.
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("details: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	viaConfig, _, _ := run(t, "scan", "-q", "--config", cfg, "examples/terraform")
	if got := details(t, viaConfig); fmt.Sprint(got) != fmt.Sprint(ds) {
		t.Errorf("details: true in vigil.yaml shows %d details, --details %d", len(got), len(ds))
	}
}

// The inline comment --details proposes, written where it says, suppresses
// that finding and no other.
func TestDetailsInlineIgnoreWorks(t *testing.T) {
	src, err := filepath.Abs("../../examples/terraform")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	out, _, _ := run(t, "scan", "-q", "--details", ".")
	var tried int
	for _, d := range details(t, out) {
		if d.inlineFile == "" || tried == 3 {
			continue
		}
		tried++
		t.Run(d.rule+" "+d.resource, func(t *testing.T) {
			orig, err := os.ReadFile(d.inlineFile)
			if err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(d.inlineFile, orig, 0o644)
			lines := strings.Split(string(orig), "\n")
			var at int
			if _, err := fmt.Sscan(d.inlineLine, &at); err != nil || at < 1 || at > len(lines) {
				t.Fatalf("line %q", d.inlineLine)
			}
			comment := "# vigil:ignore " + d.rule + " accepted in a test"
			lines = append(lines[:at-1], append([]string{comment}, lines[at-1:]...)...)
			if err := os.WriteFile(d.inlineFile, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code := run(t, "scan", "-q", "--format", "json", ".")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			checkOnlySuppressed(t, findingsOf(t, out), d, "accepted in a test")
		})
	}
	if tried == 0 {
		t.Fatalf("no inline suggestion in:\n%s", out)
	}
}

// A live finding's entry names its ARN, and works the same.
func TestDetailsOnALiveScan(t *testing.T) {
	serveDemo(t)
	out, errs, code := run(t, append(orgScan, "--details")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ds := details(t, out)
	var d detail
	for _, x := range ds {
		if strings.HasPrefix(x.resource, "arn:aws:s3:::") {
			d = x
		}
		if x.inlineFile != "" {
			t.Errorf("a live finding cannot be ignored inline: %+v", x)
		}
	}
	if d.yaml == "" {
		t.Fatalf("no S3 finding with details:\n%s", out)
	}
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("suppressions:\n  "+fill(d.yaml)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, append(orgScan, "--config", cfg, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	checkOnlySuppressed(t, findingsOf(t, out), d, "accepted in a test")
}
