// Package plan reads the JSON form of a Terraform plan (terraform show
// -json plan.out) into resource instances: the planned values, with what
// only apply will know marked unknown.
package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// Detect reports whether data looks like a plan JSON document.
func Detect(data []byte) bool {
	if bytes.Contains(data, []byte(`"planned_values"`)) {
		return true
	}
	return bytes.Contains(data, []byte(`"format_version"`)) && bytes.Contains(data, []byte(`"terraform_version"`))
}

type document struct {
	PlannedValues struct {
		RootModule planModule `json:"root_module"`
	} `json:"planned_values"`
	ResourceChanges []struct {
		Address string `json:"address"`
		Change  struct {
			AfterUnknown any `json:"after_unknown"`
		} `json:"change"`
	} `json:"resource_changes"`
	Configuration struct {
		RootModule configModule `json:"root_module"`
	} `json:"configuration"`
}

type planModule struct {
	Address      string         `json:"address"`
	Resources    []planResource `json:"resources"`
	ChildModules []planModule   `json:"child_modules"`
}

type planResource struct {
	Address string         `json:"address"`
	Mode    string         `json:"mode"`
	Type    string         `json:"type"`
	Name    string         `json:"name"`
	Index   any            `json:"index"`
	Values  map[string]any `json:"values"`
}

type configModule struct {
	Resources []struct {
		Address     string                     `json:"address"`
		Expressions map[string]json.RawMessage `json:"expressions"`
	} `json:"resources"`
	ModuleCalls map[string]struct {
		Module configModule `json:"module"`
	} `json:"module_calls"`
}

// Parse reads a plan JSON document. path is used in instances and errors.
// An error with instances is a warning: the plan was read in part.
func Parse(path string, data []byte) ([]*instance.Instance, error) {
	if e := file.CheckText(path, data); e != nil {
		return nil, e
	}
	// encoding/json stops at 10,000 levels itself; the walks after it
	// recurse too, so plans are held to the limit of every other input.
	if e := file.CheckShape(path, data, file.JSON); e != nil {
		return nil, e
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		line := 0
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = lineAt(data, se.Offset)
		case errors.As(err, &te):
			line = lineAt(data, te.Offset)
		}
		return nil, file.Errorf(path, line, "invalid plan JSON: %v", err)
	}
	unknowns := make(map[string]any, len(doc.ResourceChanges))
	for _, rc := range doc.ResourceChanges {
		unknowns[rc.Address] = rc.Change.AfterUnknown
	}
	refs := map[string]map[string][]string{}
	configured := map[string]map[string]bool{}
	collectRefs(doc.Configuration.RootModule, "", refs, configured)

	p := &parser{path: path, data: data, multiline: bytes.Count(data, []byte("\n")) > 1}
	if i := bytes.Index(data, []byte(`"planned_values"`)); i >= 0 {
		p.from = i
	}
	var out []*instance.Instance
	var over *file.Error
	var walk func(m planModule, depth int)
	walk = func(m planModule, depth int) {
		if depth > 64 {
			return
		}
		for _, r := range m.Resources {
			if over != nil {
				return
			}
			in := p.instance(r, stripKeys(m.Address), unknowns, refs)
			if len(out) == file.MaxResources {
				over = file.Errorf(path, in.Range.StartLine, "more than %d resources in this plan; from here on they are not scanned", file.MaxResources)
				return
			}
			in.Configured = configured[in.BaseAddress()]
			out = append(out, in)
		}
		for _, c := range m.ChildModules {
			walk(c, depth+1)
		}
	}
	walk(doc.PlannedValues.RootModule, 0)
	if over != nil {
		return out, over
	}
	return out, nil
}

type parser struct {
	path      string
	data      []byte
	from      int
	multiline bool
}

func (p *parser) instance(r planResource, module string, unknowns map[string]any, refs map[string]map[string][]string) *instance.Instance {
	mode := r.Mode
	if mode == "" {
		mode = "managed"
	}
	in := &instance.Instance{
		Address: r.Address, Module: module, Mode: mode, Type: r.Type, Name: r.Name,
		File: p.path, AttrRanges: map[string]model.Location{},
	}
	switch k := r.Index.(type) {
	case float64:
		in.Key = int(k)
	case string:
		in.Key = k
	}
	vals, _ := clean(r.Values).(map[string]any)
	if vals == nil {
		vals = map[string]any{}
	}
	if au, ok := unknowns[r.Address]; ok {
		if m, ok := overlay(vals, au).(map[string]any); ok {
			vals = m
		}
	}
	in.Values = vals
	base := r.Type + "." + r.Name
	if mode == "data" {
		base = "data." + base
	}
	if module != "" {
		base = module + "." + base
	}
	in.Refs = refs[base]
	in.Range = model.Location{File: p.path, StartLine: p.lineOf(r.Address)}
	in.Range.EndLine = in.Range.StartLine
	return in
}

// lineOf finds the line of a resource's address in planned_values, when
// the document is pretty-printed; 0 otherwise.
func (p *parser) lineOf(addr string) int {
	if !p.multiline {
		return 0
	}
	q, _ := json.Marshal(addr)
	i := bytes.Index(p.data[p.from:], q)
	if i < 0 {
		return 0
	}
	return lineAt(p.data, int64(p.from+i))
}

func lineAt(data []byte, off int64) int {
	if off < 0 || off > int64(len(data)) {
		return 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// clean drops null object members, as the instance form has no nulls.
func clean(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = clean(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = clean(e)
		}
		return x
	}
	return v
}

// overlay marks as unknown what after_unknown says is: true at any depth
// replaces the value there (adding it when the plan omitted it).
func overlay(v any, au any) any {
	switch u := au.(type) {
	case bool:
		if u {
			return instance.Unknown
		}
		return v
	case map[string]any:
		m, ok := v.(map[string]any)
		if !ok {
			if v != nil {
				return v
			}
			m = map[string]any{}
		}
		for k, sub := range u {
			if nv := overlay(m[k], sub); nv != nil {
				m[k] = nv
			}
		}
		if len(m) == 0 && v == nil {
			return nil
		}
		return m
	case []any:
		l, ok := v.([]any)
		if !ok {
			if v != nil {
				return v
			}
		}
		for i, sub := range u {
			if i < len(l) {
				l[i] = overlay(l[i], sub)
			} else if b, ok := sub.(bool); ok && b {
				l = append(l, instance.Unknown)
			}
		}
		if l == nil {
			return nil
		}
		return l
	}
	return v
}

// collectRefs reads, per resource (address with module prefix), the
// resources each top-level attribute's expression references, and which
// top-level arguments the configuration sets.
func collectRefs(m configModule, prefix string, out map[string]map[string][]string, configured map[string]map[string]bool) {
	collectRefsDepth(m, prefix, out, configured, 0)
}

func collectRefsDepth(m configModule, prefix string, out map[string]map[string][]string, configured map[string]map[string]bool, depth int) {
	if depth > 64 {
		return
	}
	for _, r := range m.Resources {
		per := map[string][]string{}
		set := map[string]bool{}
		configured[prefix+r.Address] = set
		for attr, raw := range r.Expressions {
			set[attr] = true
			var e struct {
				References []string `json:"references"`
			}
			if json.Unmarshal(raw, &e) != nil {
				continue
			}
			seen := map[string]bool{}
			for _, ref := range e.References {
				a := resourceRef(ref)
				if a == "" || seen[prefix+a] {
					continue
				}
				seen[prefix+a] = true
				per[attr] = append(per[attr], prefix+a)
			}
		}
		if len(per) > 0 {
			out[prefix+r.Address] = per
		}
	}
	for name, c := range m.ModuleCalls {
		collectRefsDepth(c.Module, prefix+"module."+name+".", out, configured, depth+1)
	}
}

// resourceRef turns a reference (aws_s3_bucket.b.id, data.x.y[0].json) into
// the resource address without keys, or "" when it names no resource.
func resourceRef(ref string) string {
	parts := strings.Split(stripKeys(ref), ".")
	switch parts[0] {
	case "var", "local", "module", "each", "count", "path", "terraform", "self":
		return ""
	case "data":
		if len(parts) < 3 {
			return ""
		}
		return strings.Join(parts[:3], ".")
	}
	if len(parts) < 2 {
		return ""
	}
	return parts[0] + "." + parts[1]
}

// stripKeys removes instance keys: module.a[0].module.b["x"] -> module.a.module.b.
func stripKeys(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	depth := 0
	inStr := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' {
				inStr = false
			}
		case c == '[':
			depth++
		case c == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
			if c == '"' {
				inStr = true
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
