package store

import (
	"path/filepath"
	"slices"
	"strings"
)

// A scope names what a scan read, so that snapshots of the same thing form
// one history and are compared with each other only:
//
//	aws:111111111111,222222222222               live, every enabled region
//	aws:111111111111@eu-west-1,us-east-1        live, some regions
//	iac:/home/me/infra,/home/me/k8s             IaC targets (absolute)
//
// Lists are sorted, so the order the user named them in does not matter.

// LiveScope is the scope of a live scan of accounts (and regions, when the
// scan was limited to some).
func LiveScope(provider string, accounts, regions []string) string {
	s := provider + ":" + joinSorted(accounts)
	if len(regions) > 0 {
		s += "@" + joinSorted(regions)
	}
	return s
}

// IaCScope is the scope of an IaC scan of targets (files or directories).
func IaCScope(targets []string) string {
	abs := make([]string, 0, len(targets))
	for _, t := range targets {
		if a, err := filepath.Abs(t); err == nil {
			t = a
		}
		abs = append(abs, filepath.Clean(t))
	}
	return "iac:" + joinSorted(abs)
}

func joinSorted(xs []string) string {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return strings.Join(slices.Compact(xs), ",")
}
