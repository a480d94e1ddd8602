package model

import (
	"fmt"
	"strings"
	"testing"
)

// The tally merges by what, source and name, keeps files unique and
// bounded, and lists the largest counts first within each group.
func TestUnjudgedTally(t *testing.T) {
	var tl UnjudgedTally
	for i := range MaxUnjudgedFiles + 10 {
		tl.Add(Unjudged{What: UnjudgedType, Source: "terraform", Name: "azurerm_vm", Count: 1, Files: []string{fmt.Sprintf("f%03d.tf", i), "f000.tf"}})
	}
	tl.Add(Unjudged{What: UnjudgedChart, Source: "helm", Name: "charts/web", Count: 1})
	tl.Add(Unjudged{What: UnjudgedType, Source: "kubernetes", Name: "ConfigMap", Count: 1})
	tl.Add(Unjudged{What: UnjudgedType, Source: "terraform-plan", Name: "azurerm_vm", Count: 1})
	got := tl.List()
	if len(got) != 4 {
		t.Fatalf("%d entries: %+v", len(got), got)
	}
	if a := got[0]; a.Name != "azurerm_vm" || a.Source != "terraform" || a.Count != MaxUnjudgedFiles+10 || len(a.Files) != MaxUnjudgedFiles || a.Files[0] != "f000.tf" {
		t.Errorf("first: %+v", a)
	}
	if got[3].What != UnjudgedChart {
		t.Errorf("charts come after types: %+v", got)
	}
}

// The one-line description names each type with its count, at most ten
// per group, and says how many more there are.
func TestDescribeUnjudged(t *testing.T) {
	var us []Unjudged
	for i := range 12 {
		us = append(us, Unjudged{What: UnjudgedType, Source: "terraform", Name: fmt.Sprintf("google_t%02d", i), Count: 2})
	}
	us = append(us, Unjudged{What: UnjudgedModule, Source: "terraform", Name: "./net", Count: 1},
		Unjudged{What: UnjudgedChart, Source: "kustomize", Name: "overlays/prod", Count: 1})
	got := DescribeUnjudged(us)
	want := "24 resources of types Vigil does not map yet: google_t00 (2), "
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "google_t09 (2), and 2 more types; 1 module not found: ./net; 1 chart not rendered: overlays/prod (kustomize)") ||
		strings.Contains(got, "google_t10") {
		t.Errorf("got %q", got)
	}
}
