// Package policy loads Rego rules with their metadata, compiles them once
// and evaluates them over normalized resources.
package policy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vigil-sec/vigil/model"
)

// Rule is one policy with the metadata from its # METADATA annotation.
type Rule struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Description string              `json:"description,omitempty"`
	Severity    model.Severity      `json:"severity"`
	Kinds       []string            `json:"kinds"`
	Remediation string              `json:"remediation,omitempty"`
	Playbook    string              `json:"playbook,omitempty"`
	References  []string            `json:"references,omitempty"`
	Compliance  map[string][]string `json:"compliance,omitempty"`
	// Reads are attribute paths the verdict depends on; when one is unknown
	// on a resource, the rule gives that resource no verdict at all rather
	// than a pass it cannot vouch for.
	Reads []string `json:"reads,omitempty"`
	// RelatedReads are what the rule reads of other resources through
	// data.inventory, by kind (AnyKind when the kind is not known): a
	// kind that could not be listed, or an unknown path of a resource of
	// that kind in the same account, voids the verdict as Reads does.
	// A kind with no paths: the rule depends on which resources exist.
	RelatedReads map[string][]string `json:"related_reads,omitempty"`
	// inventory is set when the rule refers to data.inventory at all: its
	// queries then carry the inventory.
	inventory bool
	// Package is the Rego package path, e.g. vigil.rules.aws.s3.public_acl.
	Package string `json:"package"`
	File    string `json:"file"`
	Builtin bool   `json:"builtin"`
	// Source is the rule's Rego text, for `vigil rules explain`.
	Source string `json:"-"`
	// Enabled is false when configuration disabled the rule.
	Enabled bool `json:"enabled"`
	// DefaultSeverity is the severity before configuration re-rated it.
	DefaultSeverity model.Severity `json:"default_severity"`
}

var ruleIDRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$`)

// ruleFromModule reads the package-scoped metadata of a parsed module. It
// returns nil (and no error) for modules without an id: helper libraries.
func ruleFromModule(file string, m *ast.Module) (*Rule, error) {
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
			break
		}
	}
	if ann == nil || ann.Custom["id"] == nil {
		if strings.HasPrefix(m.Package.Path.String(), "data.vigil.rules.") || hasDeny(m) {
			return nil, fmt.Errorf("%s: rule package %s has no # METADATA with custom.id", file, pkgPath(m))
		}
		return nil, nil
	}
	r := &Rule{
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		Package:     pkgPath(m),
		File:        file,
		Enabled:     true,
	}
	c := ann.Custom
	r.ID, _ = c["id"].(string)
	if !ruleIDRe.MatchString(r.ID) {
		return nil, fmt.Errorf("%s: rule id %q is not of the form PROVIDER-SERVICE-NNN", file, r.ID)
	}
	sev, _ := c["severity"].(string)
	var err error
	if r.Severity, err = model.ParseSeverity(sev); err != nil {
		return nil, fmt.Errorf("%s: rule %s: %w", file, r.ID, err)
	}
	r.DefaultSeverity = r.Severity
	r.Kinds = stringList(c["kinds"])
	if len(r.Kinds) == 0 {
		return nil, fmt.Errorf("%s: rule %s names no kinds", file, r.ID)
	}
	for _, k := range r.Kinds {
		// A kind no source produces would make the rule a silent no-op.
		if _, ok := model.LookupKind(k); !ok {
			hint := ""
			if near := nearestKind(k); near != "" {
				hint = fmt.Sprintf("did you mean %s? ", near)
			}
			return nil, fmt.Errorf("%s:%d: rule %s: kind %q does not exist (%srun `vigil schema` for the list)",
				file, row(ann.Location), r.ID, k, hint)
		}
	}
	if r.Title == "" {
		return nil, fmt.Errorf("%s: rule %s has no title", file, r.ID)
	}
	r.Remediation, _ = c["remediation"].(string)
	r.Remediation = strings.TrimSpace(r.Remediation)
	r.Playbook, _ = c["playbook"].(string)
	r.Reads = stringList(c["reads"])
	if rr, ok := c["related_reads"].(map[string]any); ok {
		r.RelatedReads = map[string][]string{}
		for k, ps := range rr {
			r.RelatedReads[k] = stringList(ps)
		}
	}
	r.References = stringList(c["references"])
	for _, rr := range ann.RelatedResources {
		if rr.Ref.String() != "" {
			r.References = append(r.References, rr.Ref.String())
		}
	}
	if comp, ok := c["compliance"].(map[string]any); ok {
		r.Compliance = map[string][]string{}
		for fw, ctl := range comp {
			r.Compliance[fw] = stringList(ctl)
		}
	}
	if !hasDeny(m) {
		return nil, fmt.Errorf("%s: rule %s defines no deny rule", file, r.ID)
	}
	return r, nil
}

func row(loc *ast.Location) int {
	if loc == nil {
		return 0
	}
	return loc.Row
}

// nearestKind is the registered kind closest to a misspelt one, if one is
// close: at most a third of its letters differ.
func nearestKind(k string) string {
	best, bestD := "", len(k)/3+1
	for _, ki := range model.Kinds() {
		if d := editDistance(k, ki.Name); d < bestD {
			best, bestD = ki.Name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func hasDeny(m *ast.Module) bool {
	for _, rule := range m.Rules {
		if rule.Head.Name.String() == "deny" || (len(rule.Head.Reference) > 0 && rule.Head.Reference[0].Value.String() == `deny`) {
			return true
		}
	}
	return false
}

func pkgPath(m *ast.Module) string {
	return strings.TrimPrefix(m.Package.Path.String(), "data.")
}

func stringList(v any) []string {
	switch s := v.(type) {
	case string:
		return []string{s}
	case []any:
		out := make([]string, 0, len(s))
		for _, e := range s {
			out = append(out, fmt.Sprint(e))
		}
		return out
	}
	return nil
}

// ComplianceControls lists "framework:control" pairs, sorted.
func (r *Rule) ComplianceControls() []string {
	var out []string
	for fw, cs := range r.Compliance {
		for _, c := range cs {
			out = append(out, fw+":"+c)
		}
	}
	sort.Strings(out)
	return out
}
