// Package compliance holds the catalogs of the compliance frameworks that
// rules name in their metadata (custom.compliance): every control of a
// framework, with its title, whether the framework assesses it
// automatically, and its profile level; and the coverage of a framework by
// a set of rules. Catalogs are embedded data files, <framework>.yaml.
//
// A catalog lists what a framework asks; which rule decides which control
// stays in each rule's metadata, so a rule carries all its mappings.
package compliance

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed *.yaml
var files embed.FS

// Control is one control (recommendation) of a framework.
type Control struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Automated bool   `yaml:"automated" json:"automated"`
	Level     int    `yaml:"level" json:"level,omitempty"`
}

// Catalog is a framework's controls in the framework's order.
type Catalog struct {
	Framework string    `yaml:"framework" json:"framework"`
	Title     string    `yaml:"title" json:"title"`
	Controls  []Control `yaml:"controls" json:"controls"`
}

// Control returns the control with this id.
func (c *Catalog) Control(id string) (Control, bool) {
	for _, x := range c.Controls {
		if x.ID == id {
			return x, true
		}
	}
	return Control{}, false
}

// Names lists the frameworks that have a catalog, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Load reads the catalog of a framework (e.g. "cis-aws-7.0").
func Load(framework string) (*Catalog, error) {
	if strings.ContainsAny(framework, `/\`) {
		return nil, fmt.Errorf("no catalog for framework %q", framework)
	}
	b, err := files.ReadFile(framework + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no catalog for framework %q (have: %s)", framework, strings.Join(Names(), ", "))
	}
	var c Catalog
	if err := yaml.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("catalog %s: %w", framework, err)
	}
	if c.Framework != framework {
		return nil, fmt.Errorf("catalog %s.yaml names framework %q", framework, c.Framework)
	}
	seen := map[string]bool{}
	for _, x := range c.Controls {
		if x.ID == "" || seen[x.ID] {
			return nil, fmt.Errorf("catalog %s: control id %q empty or repeated", framework, x.ID)
		}
		seen[x.ID] = true
	}
	return &c, nil
}

// Rule is what coverage needs of a rule: its id and its controls in the
// framework (from its metadata).
type Rule struct {
	ID       string
	Controls []string
}

// ControlCoverage is a control with the rules mapped to it.
type ControlCoverage struct {
	Control
	Rules []string `json:"rules"`
}

// Coverage is a framework's controls with the rules that decide each.
type Coverage struct {
	Framework string            `json:"framework"`
	Title     string            `json:"title"`
	Controls  []ControlCoverage `json:"controls"`
	// Automated counts the controls the framework assesses automatically,
	// AutomatedCovered those of them at least one rule decides; Covered
	// counts every control with a rule (manual ones decided from data too).
	Automated        int `json:"automated"`
	AutomatedCovered int `json:"automated_covered"`
	Covered          int `json:"covered"`
	// Unknown lists rule mappings to control ids the catalog does not have.
	Unknown []string `json:"unknown,omitempty"`
}

// Cover maps rules to the catalog's controls.
func (c *Catalog) Cover(rules []Rule) *Coverage {
	by := map[string][]string{}
	var unknown []string
	for _, r := range rules {
		for _, id := range r.Controls {
			if _, ok := c.Control(id); !ok {
				unknown = append(unknown, r.ID+": "+id)
				continue
			}
			by[id] = append(by[id], r.ID)
		}
	}
	cov := &Coverage{Framework: c.Framework, Title: c.Title, Unknown: unknown}
	for _, x := range c.Controls {
		rs := by[x.ID]
		sort.Strings(rs)
		if rs == nil {
			rs = []string{}
		}
		cov.Controls = append(cov.Controls, ControlCoverage{Control: x, Rules: rs})
		if x.Automated {
			cov.Automated++
		}
		if len(rs) > 0 {
			cov.Covered++
			if x.Automated {
				cov.AutomatedCovered++
			}
		}
	}
	sort.Strings(cov.Unknown)
	return cov
}

// CompareIDs orders control ids numerically by their dotted parts
// ("2.10" after "2.9").
func CompareIDs(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil && na != nb:
			if na < nb {
				return -1
			}
			return 1
		case (ea != nil || eb != nil) && pa[i] != pb[i]:
			return strings.Compare(pa[i], pb[i])
		}
	}
	return len(pa) - len(pb)
}
