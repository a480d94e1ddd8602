package tfaws

import (
	"fmt"
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// Builder builds one normalized resource from an instance. Its getters read
// Terraform attributes by path ("versioning.0.enabled" style is not used:
// paths are "versioning[0].enabled"), apply a default when the attribute is
// absent, and when a value is unknown, mark the model path unknown.
type Builder struct {
	In *instance.Instance
	R  *model.Resource
	// target receives unknown marks and locations: R itself, or for a
	// child being joined, its parent's resource.
	target *model.Resource
	drop   bool
}

// Child is a dependent resource being folded into a parent: its getters
// read the child's attributes and record unknowns and locations on the
// parent.
type Child = Builder

func newBuilder(in *instance.Instance, kind, source string) *Builder {
	r := &model.Resource{
		ID:       resourceID(in),
		Kind:     kind,
		Provider: "aws",
		Source:   source,
		Name:     in.Name,
		Ignores:  in.Ignores,
	}
	if in.Key != nil {
		r.Name = fmt.Sprintf("%s[%v]", in.Name, in.Key)
	}
	loc := in.Range
	if loc.File == "" {
		loc.File = in.File
	}
	r.Location = &loc
	if kind != "" {
		if k, ok := model.LookupKind(kind); ok {
			r.Attributes = k.New()
		}
	}
	b := &Builder{In: in, R: r, target: r}
	if tags, ok := in.Values["tags"].(map[string]any); ok {
		r.Tags = map[string]string{}
		for k, v := range tags {
			if s, ok := v.(string); ok {
				r.Tags[k] = s
			}
		}
	}
	return b
}

// Lookup returns the raw value at a Terraform path ("a", "a[0].b"); ok is
// false when any step is absent or null. The value may be instance.Unknown.
func (b *Builder) Lookup(tfPath string) (any, bool) {
	return lookup(b.In.Values, tfPath)
}

func lookup(root map[string]any, tfPath string) (any, bool) {
	var cur any = root
	for _, step := range splitPath(tfPath) {
		if instance.IsUnknown(cur) {
			return instance.Unknown, true
		}
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[step.name]
			if !ok || v == nil {
				return nil, false
			}
			cur = v
		case []any:
			if step.index < 0 || step.index >= len(c) {
				return nil, false
			}
			cur = c[step.index]
		default:
			return nil, false
		}
		if step.name != "" && step.index >= 0 {
			l, ok := cur.([]any)
			if instance.IsUnknown(cur) {
				return instance.Unknown, true
			}
			if !ok || step.index >= len(l) {
				return nil, false
			}
			cur = l[step.index]
		}
	}
	if cur == nil {
		return nil, false
	}
	return cur, true
}

type pathStep struct {
	name  string
	index int
}

// splitPath turns "a[0].b" into [{a 0} {b -1}].
func splitPath(p string) []pathStep {
	var out []pathStep
	for _, part := range strings.Split(p, ".") {
		st := pathStep{index: -1}
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			fmt.Sscanf(part[i+1:len(part)-1], "%d", &st.index)
			part = part[:i]
		}
		st.name = part
		out = append(out, st)
	}
	return out
}

// value reads tfPath; on unknown it marks modelPath unknown and returns
// (nil, false); on absent it returns (nil, false). It records where
// modelPath was set.
func (b *Builder) value(tfPath, modelPath string) (any, bool) {
	v, ok := b.Lookup(tfPath)
	if !ok {
		return nil, false
	}
	if modelPath != "" {
		b.locate(tfPath, modelPath)
	}
	if instance.IsUnknown(v) {
		if modelPath != "" {
			b.Target().MarkUnknown(modelPath)
		}
		return nil, false
	}
	return v, true
}

// Target is the resource being built (for a Child, its parent's).
func (b *Builder) Target() *model.Resource { return b.target }

// locate records the location of tfPath (or its nearest located parent)
// as the location of modelPath on the target resource.
func (b *Builder) locate(tfPath, modelPath string) {
	b.locateOn(b.target, tfPath, modelPath)
}

func (b *Builder) locateOn(target *model.Resource, tfPath, modelPath string) {
	// An empty tfPath means the whole block (e.g. a joined child resource).
	if tfPath == "" {
		l := b.In.Range
		if l.File == "" {
			l.File = b.In.File
		}
		if l.StartLine > 0 {
			target.SetAttributeLocation(modelPath, l)
		}
		return
	}
	for p := tfPath; p != ""; p = model.ParentPath(p) {
		if l, ok := b.In.AttrRanges[p]; ok {
			if l.File == "" {
				l.File = b.In.File
			}
			target.SetAttributeLocation(modelPath, l)
			return
		}
	}
}

// String reads a string attribute, or def when absent.
func (b *Builder) String(tfPath, modelPath, def string) string {
	v, ok := b.value(tfPath, modelPath)
	return asString(v, ok, def)
}

// Bool reads a boolean attribute, or def when absent.
func (b *Builder) Bool(tfPath, modelPath string, def bool) bool {
	v, ok := b.value(tfPath, modelPath)
	return asBool(v, ok, def)
}

// Int reads a number attribute, or def when absent.
func (b *Builder) Int(tfPath, modelPath string, def int) int {
	v, ok := b.value(tfPath, modelPath)
	return asInt(v, ok, def)
}

// Strings reads a list (or set) of strings; unknown elements are skipped
// and mark the path unknown.
func (b *Builder) Strings(tfPath, modelPath string) []string {
	v, ok := b.value(tfPath, modelPath)
	if !ok {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		if s, ok := v.(string); ok {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		if instance.IsUnknown(e) {
			if modelPath != "" {
				b.Target().MarkUnknown(modelPath)
			}
			continue
		}
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Blocks returns the nested blocks at tfPath (a list of objects).
func (b *Builder) Blocks(tfPath string) []map[string]any {
	v, ok := b.Lookup(tfPath)
	if !ok {
		return nil
	}
	return instance.Blocks(v)
}

// Has reports whether tfPath is set (known or unknown).
func (b *Builder) Has(tfPath string) bool {
	_, ok := b.Lookup(tfPath)
	return ok
}

// Policy parses a JSON policy attribute into a document. An unknown
// policy marks modelPath unknown; an unparsable one is treated as absent.
func (b *Builder) Policy(tfPath, modelPath string) *model.PolicyDocument {
	v, ok := b.value(tfPath, modelPath)
	if !ok {
		return nil
	}
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return nil
	}
	doc, err := model.ParsePolicyDocument(s)
	if err != nil {
		return nil
	}
	return doc
}

func asString(v any, ok bool, def string) string {
	if !ok {
		return def
	}
	switch s := v.(type) {
	case string:
		return s
	case float64:
		return fmt.Sprint(s)
	case bool:
		return fmt.Sprint(s)
	}
	return def
}

func asBool(v any, ok bool, def bool) bool {
	if !ok {
		return def
	}
	switch s := v.(type) {
	case bool:
		return s
	case string:
		switch strings.ToLower(s) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	return def
}

func asInt(v any, ok bool, def int) int {
	if !ok {
		return def
	}
	switch n := v.(type) {
	case float64:
		return int(n)
	case int:
		return n
	case string:
		var i int
		if _, err := fmt.Sscanf(n, "%d", &i); err == nil {
			return i
		}
	}
	return def
}

// NameFrom sets the display name from the first known, non-empty string
// attribute among tfAttrs (e.g. "name", "identifier") and returns it.
func (b *Builder) NameFrom(tfAttrs ...string) string {
	for _, a := range tfAttrs {
		if v, ok := b.Lookup(a); ok {
			if s, ok := v.(string); ok && s != "" {
				b.R.Name = s
				return s
			}
		}
	}
	return ""
}

// HasBlock reports whether at least one nested block of type tfPath is
// present (an empty dynamic block does not count). An unknown block
// list counts as present.
func (b *Builder) HasBlock(tfPath string) bool {
	v, ok := b.Lookup(tfPath)
	if !ok {
		return false
	}
	if instance.IsUnknown(v) {
		return true
	}
	l, isList := v.([]any)
	return !isList || len(l) > 0
}
