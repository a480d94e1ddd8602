package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// rules stats counts each service's enabled rules by severity, sums each
// provider, and drops what vigil.yaml disables.
func TestRulesStats(t *testing.T) {
	out, errs, code := run(t, "rules", "stats", "--format", "json")
	if code != 0 {
		t.Fatalf("rules stats: exit %d\n%s", code, errs)
	}
	var stats []serviceStats
	if err := json.Unmarshal([]byte(out), &stats); err != nil {
		t.Fatal(err)
	}
	got := map[string]serviceStats{}
	for _, st := range stats {
		got[st.Provider+"."+st.Service] = st
		sum := 0
		for _, n := range st.Severities {
			sum += n
		}
		if sum != st.Total || st.Total == 0 {
			t.Errorf("%s.%s: severities %v do not add up to %d", st.Provider, st.Service, st.Severities, st.Total)
		}
	}
	s3 := got["aws.s3"]
	if s3.Severities["critical"] == 0 || s3.Total < 10 {
		t.Errorf("aws.s3 stats %+v", s3)
	}
	if _, ok := got["kubernetes.pod"]; !ok {
		t.Errorf("no kubernetes.pod row in %v", stats)
	}

	out, _, _ = run(t, "rules", "stats", "--provider", "aws")
	all := regexp.MustCompile(`(?m)^aws +total \((\d+)\) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)`).FindStringSubmatch(out)
	if all == nil {
		t.Fatalf("no aws total row:\n%s", out)
	}
	if regexp.MustCompile(`(?m)^kubernetes`).MatchString(out) {
		t.Errorf("--provider aws shows kubernetes rows:\n%s", out)
	}

	dir := t.TempDir()
	cfg := filepath.Join(dir, "vigil.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  disable: [AWS-S3-001]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, "rules", "stats", "--format", "json", "--config", cfg)
	stats = nil
	if err := json.Unmarshal([]byte(out), &stats); err != nil {
		t.Fatal(err)
	}
	for _, st := range stats {
		if st.Provider == "aws" && st.Service == "s3" && st.Total != s3.Total-1 {
			t.Errorf("a disabled rule still counted: %d, was %d", st.Total, s3.Total)
		}
	}
}
