package model

import (
	"fmt"
	"sort"
	"strings"
)

// What a scan could not judge (Unjudged.What).
const (
	// UnjudgedType: resources of a type no adapter maps to a kind
	// (azurerm_storage_account, AWS::Foo::Bar, a Kubernetes kind). They
	// were read, but no rule sees them.
	UnjudgedType = "resource_type"
	// UnjudgedModule: a Terraform module call whose source was not found
	// (not installed by terraform init); its resources were not read.
	UnjudgedModule = "module"
	// UnjudgedChart: a Helm chart, loose Helm templates or a
	// kustomization; Vigil does not render them, so what they produce is
	// not read.
	UnjudgedChart = "chart"
)

// Unjudged is something a scan met but could not judge, counted, so that
// a gap in coverage is never mistaken for a clean result.
type Unjudged struct {
	What string `json:"what"`
	// Source is the adapter that met it: terraform, terraform-plan,
	// cloudformation, kubernetes, helm, kustomize.
	Source string `json:"source"`
	// Name is the resource type, the module source, or the directory of
	// the chart or kustomization.
	Name string `json:"name"`
	// Count is how many: resources of the type, calls of the module,
	// charts (1).
	Count int `json:"count"`
	// Files are where they are declared (at most MaxUnjudgedFiles).
	Files []string `json:"files,omitempty"`
}

// Bounds of a tally: the input names what it holds, so a hostile tree
// must not grow the report without end. Past MaxUnjudgedNames distinct
// names, the rest count under UnjudgedOther.
const (
	MaxUnjudgedNames = 1000
	MaxUnjudgedFiles = 50
	UnjudgedOther    = "(other)"
)

// UnjudgedTally merges Unjudged entries by what, source and name. The zero
// value is ready to use.
type UnjudgedTally struct {
	byKey map[[3]string]*Unjudged
	names int
}

// Add counts u in.
func (t *UnjudgedTally) Add(u Unjudged) {
	if t.byKey == nil {
		t.byKey = map[[3]string]*Unjudged{}
	}
	k := [3]string{u.What, u.Source, u.Name}
	e := t.byKey[k]
	if e == nil {
		if t.names >= MaxUnjudgedNames {
			k[2] = UnjudgedOther
			e = t.byKey[k]
		}
		if e == nil {
			e = &Unjudged{What: k[0], Source: k[1], Name: k[2]}
			t.byKey[k] = e
			t.names++
		}
	}
	e.Count += u.Count
	for _, f := range u.Files {
		if len(e.Files) >= MaxUnjudgedFiles {
			break
		}
		if !contains(e.Files, f) {
			e.Files = append(e.Files, f)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// List returns the entries: by what (types, modules, charts), then the
// largest count first, then by source and name.
func (t *UnjudgedTally) List() []Unjudged {
	if len(t.byKey) == 0 {
		return nil
	}
	out := make([]Unjudged, 0, len(t.byKey))
	for _, e := range t.byKey {
		sort.Strings(e.Files)
		out = append(out, *e)
	}
	SortUnjudged(out)
	return out
}

var whatOrder = map[string]int{UnjudgedType: 0, UnjudgedModule: 1, UnjudgedChart: 2}

// SortUnjudged orders entries as List does.
func SortUnjudged(us []Unjudged) {
	sort.Slice(us, func(i, j int) bool {
		a, b := &us[i], &us[j]
		if a.What != b.What {
			return whatOrder[a.What] < whatOrder[b.What]
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Name < b.Name
	})
}

// DescribeUnjudged says in one line what was not judged, e.g. "12
// resources of types Vigil does not map yet: azurerm_storage_account (3),
// google_storage_bucket (9); 1 module not found: ./modules/net; 1 chart
// not rendered: charts/web (helm)". At most ten names of each group are
// listed.
func DescribeUnjudged(us []Unjudged) string {
	return strings.Join(UnjudgedGroups(us), "; ")
}

// UnjudgedGroups are the parts of DescribeUnjudged: one for resource
// types, one for modules, one for charts, those present.
func UnjudgedGroups(us []Unjudged) []string {
	const most = 10
	var parts []string
	for _, g := range []struct{ what, one, many, tail string }{
		{UnjudgedType, "resource of a type Vigil does not map yet", "resources of types Vigil does not map yet", "types"},
		{UnjudgedModule, "module not found", "modules not found", "modules"},
		{UnjudgedChart, "chart not rendered", "charts not rendered", "charts"},
	} {
		total, names := 0, []string{}
		for _, u := range us {
			if u.What != g.what {
				continue
			}
			total += u.Count
			switch {
			case len(names) == most:
				names = append(names, "...")
			case len(names) > most:
			case g.what == UnjudgedChart:
				names = append(names, u.Name+" ("+u.Source+")")
			case g.what == UnjudgedModule && u.Count == 1:
				names = append(names, u.Name)
			default:
				names = append(names, fmt.Sprintf("%s (%d)", u.Name, u.Count))
			}
		}
		if total == 0 && len(names) == 0 {
			continue
		}
		word := g.many
		if total == 1 {
			word = g.one
		}
		if len(names) > most {
			names[most] = fmt.Sprintf("and %d more %s", countWhat(us, g.what)-most, g.tail)
		}
		parts = append(parts, fmt.Sprintf("%d %s: %s", total, word, strings.Join(names, ", ")))
	}
	return parts
}

func countWhat(us []Unjudged, what string) int {
	n := 0
	for _, u := range us {
		if u.What == what {
			n++
		}
	}
	return n
}
