package cloudformation

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/model"
)

// builder builds one normalized resource from a template resource. Its
// getters take a property path in CloudFormation naming ("A.B[0].C") and
// the model attribute path it fills; they apply the default when the
// property is absent, record where the attribute was set, and mark it
// unknown when its value depends on deployment.
//
// A builder for a dependent resource (a bucket policy, an ingress rule)
// reads that resource's properties but records on its parent: target.
type builder struct {
	t        *template
	res      *rawResource
	r        *model.Resource
	target   *model.Resource
	drop     bool
	children []*rawResource
}

type parentMapper struct {
	kind string
	fn   func(b *builder)
}

var (
	parents  = map[string]parentMapper{}
	children = map[string]func(c *builder){}
)

// parent declares how a CloudFormation type becomes a normalized kind.
func parent(cfnType string, kind model.AnyKind, fn func(b *builder)) {
	parents[cfnType] = parentMapper{kind: kind.Name(), fn: fn}
}

// child declares a dependent type that is joined into its parents.
func child(cfnType string, fn func(c *builder)) { children[cfnType] = fn }

func (t *template) newBuilder(res *rawResource, kind string) *builder {
	r := &model.Resource{
		ID:       t.path + ":" + res.id,
		Kind:     kind,
		Provider: "aws",
		Source:   model.SourceCloudFormation,
		Name:     res.id,
		Location: resourceLocation(t.path, res),
		Raw:      rawJSON(res.typ, res.props),
	}
	if k, ok := model.LookupKind(kind); ok {
		r.Attributes = k.New()
	}
	b := &builder{t: t, res: res, r: r, target: r}
	b.tags()
	return b
}

// --- value access ---

type step struct {
	name  string
	index int // -1 for a field
}

func splitPath(p string) []step {
	if p == "" {
		return nil
	}
	var out []step
	for _, part := range strings.Split(p, ".") {
		name := part
		var idx []int
		for strings.HasSuffix(name, "]") {
			i := strings.LastIndexByte(name, '[')
			if i < 0 {
				break
			}
			n, err := strconv.Atoi(name[i+1 : len(name)-1])
			if err != nil {
				break
			}
			idx = append([]int{n}, idx...)
			name = name[:i]
		}
		if name != "" {
			out = append(out, step{name: name, index: -1})
		}
		for _, n := range idx {
			out = append(out, step{index: n})
		}
	}
	return out
}

// get returns the resolved value at a property path; ok is false when it
// is absent. Walking into an unknown value yields unknown.
func (b *builder) get(p string) (any, bool) {
	var cur any = b.res.props
	for _, s := range splitPath(p) {
		if isUnknown(cur) {
			return unknown, true
		}
		if s.index < 0 {
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			v, ok := m[s.name]
			if !ok || v == nil {
				return nil, false
			}
			cur = v
			continue
		}
		l, ok := cur.([]any)
		if !ok || s.index >= len(l) {
			return nil, false
		}
		cur = l[s.index]
	}
	if cur == nil {
		return nil, false
	}
	return cur, true
}

// has reports whether the property is set (known or unknown).
func (b *builder) has(p string) bool { _, ok := b.get(p); return ok }

// val reads a property for modelPath: located, and marked unknown when it
// is (then ok is false).
func (b *builder) val(p, modelPath string) (any, bool) {
	v, ok := b.get(p)
	if !ok {
		return nil, false
	}
	if modelPath != "" {
		b.locate(p, modelPath)
		if isUnknown(v) {
			b.target.MarkUnknown(modelPath)
			return nil, false
		}
	}
	if isUnknown(v) {
		return nil, false
	}
	return v, true
}

func (b *builder) str(p, modelPath, def string) string {
	v, ok := b.val(p, modelPath)
	if !ok {
		return def
	}
	if s, ok := scalarString(v); ok {
		return s
	}
	return def
}

func (b *builder) boolean(p, modelPath string, def bool) bool {
	v, ok := b.val(p, modelPath)
	if !ok {
		return def
	}
	return asBool(v, def)
}

func asBool(v any, def bool) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	return def
}

func (b *builder) integer(p, modelPath string, def int) int {
	v, ok := b.val(p, modelPath)
	if !ok {
		return def
	}
	return asInt(v, def)
}

func asInt(v any, def int) int {
	switch x := v.(type) {
	case int:
		return x
	case float64:
		return int(x)
	case string:
		if i, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			return i
		}
	}
	return def
}

// strs reads a list of strings (a single string counts as a list of one).
// Unknown elements are left out and mark modelPath unknown.
func (b *builder) strs(p, modelPath string) []string {
	v, ok := b.val(p, modelPath)
	if !ok {
		return nil
	}
	l, ok := v.([]any)
	if !ok {
		if s, ok := scalarString(v); ok {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(l))
	for _, e := range l {
		if isUnknown(e) {
			if modelPath != "" {
				b.target.MarkUnknown(modelPath)
			}
			continue
		}
		if s, ok := scalarString(e); ok {
			out = append(out, s)
		}
	}
	return out
}

// count is the length of a list property; an unknown list marks modelPath
// unknown and counts 0.
func (b *builder) count(p, modelPath string) int {
	v, ok := b.get(p)
	if !ok {
		return 0
	}
	if isUnknown(v) {
		if modelPath != "" {
			b.locate(p, modelPath)
			b.target.MarkUnknown(modelPath)
		}
		return 0
	}
	if l, ok := v.([]any); ok {
		return len(l)
	}
	return 0
}

// keys returns the sorted keys of a mapping property.
func (b *builder) keys(p, modelPath string) []string {
	v, ok := b.val(p, modelPath)
	if !ok {
		return nil
	}
	m, _ := v.(map[string]any)
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// policy reads a policy document property (an object in CloudFormation,
// sometimes a JSON string). Unknown parts of a statement mark that
// statement's field unknown.
func (b *builder) policy(p, modelPath string) *model.PolicyDocument {
	v, ok := b.val(p, modelPath)
	if !ok {
		return nil
	}
	if s, ok := v.(string); ok {
		doc, err := model.ParsePolicyDocument(s)
		if err != nil {
			b.t.errorf(b.propNode(p), "%s: %s: %v", b.res.id, p, err)
			return nil
		}
		return doc
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	clean := b.scrubPolicy(m, modelPath)
	doc, err := model.PolicyDocumentFromValue(clean)
	if err != nil {
		b.t.errorf(b.propNode(p), "%s: %s: %v", b.res.id, p, err)
		return nil
	}
	return doc
}

var policyFields = map[string]string{
	"Sid": "sid", "Effect": "effect", "Principal": "principals", "NotPrincipal": "not_principals",
	"Action": "actions", "NotAction": "not_actions", "Resource": "resources", "NotResource": "not_resources",
	"Condition": "conditions",
}

// scrubPolicy replaces unknown values in a policy by "" (so the document
// still parses) and marks the statement fields they were in unknown.
func (b *builder) scrubPolicy(m map[string]any, modelPath string) map[string]any {
	var stmts []any
	switch s := m["Statement"].(type) {
	case []any:
		stmts = s
	case map[string]any:
		stmts = []any{s}
	default:
		if isUnknown(m["Statement"]) {
			b.target.MarkUnknown(model.Path(modelPath, "statements"))
		}
		return m
	}
	out := make([]any, 0, len(stmts))
	for i, s := range stmts {
		sm, ok := s.(map[string]any)
		if !ok {
			if isUnknown(s) {
				b.target.MarkUnknown(model.Path(modelPath, "statements", i))
				sm = map[string]any{}
			} else {
				out = append(out, s)
				continue
			}
		}
		cs := make(map[string]any, len(sm))
		for k, fv := range sm {
			if containsUnknown(fv, 0) {
				if f, ok := policyFields[k]; ok {
					b.target.MarkUnknown(model.Path(modelPath, "statements", i, f))
				}
				fv = replaceUnknown(fv, 0)
			}
			cs[k] = fv
		}
		out = append(out, cs)
	}
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	c["Statement"] = out
	return c
}

func replaceUnknown(v any, depth int) any {
	if depth > maxDepth {
		return ""
	}
	switch x := v.(type) {
	case unknownValue:
		return ""
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = replaceUnknown(e, depth+1)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = replaceUnknown(e, depth+1)
		}
		return out
	}
	return v
}

// tags reads the Tags property: a list of {Key, Value} or a mapping.
func (b *builder) tags() {
	v, ok := b.get("Tags")
	if !ok {
		return
	}
	out := map[string]string{}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m, _ := e.(map[string]any)
			k, ok1 := scalarString(m["Key"])
			val, ok2 := scalarString(m["Value"])
			if ok1 && ok2 {
				out[k] = val
			}
		}
	case map[string]any:
		for k, e := range x {
			if s, ok := scalarString(e); ok {
				out[k] = s
			}
		}
	}
	if len(out) > 0 {
		b.r.Tags = out
	}
}

// --- locations ---

// locate records where the property p is written as the location of
// modelPath; p "" means the whole resource (used for joined children).
func (b *builder) locate(p, modelPath string) {
	if l, ok := b.location(p); ok {
		b.target.SetAttributeLocation(modelPath, l)
	}
}

// location finds the lines of a property path in the source. Inside an
// intrinsic function the function's lines are the best we know.
func (b *builder) location(p string) (model.Location, bool) {
	if p == "" {
		return *resourceLocation(b.t.path, b.res), true
	}
	n := b.res.propsNode
	var loc model.Location
	found := false
	for _, s := range splitPath(p) {
		n = deref(n)
		if n == nil {
			break
		}
		if fn, _ := intrinsic(n); fn != "" {
			break
		}
		var start, val *yaml.Node
		if s.index < 0 {
			start, val = mapKey(n, s.name)
		} else if n.Kind == yaml.SequenceNode && s.index < len(n.Content) {
			val = deref(n.Content[s.index])
			start = val
		}
		if start == nil || val == nil {
			break
		}
		loc = model.Location{File: b.t.path, StartLine: start.Line, EndLine: max(lastLine(val), start.Line)}
		found = true
		n = val
	}
	return loc, found
}

// propNode is the node of a property for error positions.
func (b *builder) propNode(p string) *yaml.Node {
	if l, ok := b.location(p); ok {
		return &yaml.Node{Line: l.StartLine}
	}
	return b.res.key
}

// --- references between resources ---

// refID returns the logical id a resolved value refers to: the
// placeholder of !Ref X ("X") or !GetAtt X.Attr ("X.Attr").
func (t *template) refID(v string) string {
	if _, ok := t.resources[v]; ok {
		return v
	}
	if id, _, ok := strings.Cut(v, "."); ok {
		if _, ok := t.resources[id]; ok {
			return id
		}
	}
	return ""
}

// relate adds a relation to the resource a value names: a resource of
// this template by its id, anything else by the value itself.
func (b *builder) relate(typ, v string) {
	if v == "" {
		return
	}
	target := v
	if id := b.t.refID(v); id != "" {
		target = b.t.path + ":" + id
	}
	for _, r := range b.target.Relations {
		if r.Type == typ && r.Target == target {
			return
		}
	}
	b.target.Relations = append(b.target.Relations, model.Relation{Type: typ, Target: target})
}

// other returns the resolved properties of another resource of the
// template by the value that refers to it, and its type.
func (t *template) other(v string) (*rawResource, bool) {
	id := t.refID(v)
	if id == "" {
		return nil, false
	}
	r := t.resources[id]
	if r.excluded || r.props == nil {
		return nil, false
	}
	return r, true
}

// reader returns a read-only builder over another resource (for facts
// that a mapper needs from it, e.g. an instance's subnet).
func (b *builder) reader(r *rawResource) *builder {
	return &builder{t: b.t, res: r, target: &model.Resource{}}
}

// parentsOf finds the parents that the property p of a dependent resource
// names (a single value or a list), among built resources of the given
// types, by reference or by explicit name. The child is joined to each.
func (c *builder) parentsOf(p string, types ...string) []*builder {
	var names []string
	v, ok := c.get(p)
	if !ok || isUnknown(v) {
		return nil
	}
	if l, ok := v.([]any); ok {
		for _, e := range l {
			if s, ok := scalarString(e); ok {
				names = append(names, s)
			}
		}
	} else if s, ok := scalarString(v); ok {
		names = append(names, s)
	}
	var out []*builder
	for _, name := range names {
		if pb := c.t.findParent(name, types); pb != nil {
			pb.children = append(pb.children, c.res)
			out = append(out, pb)
		}
	}
	return out
}

func (t *template) findParent(name string, types []string) *builder {
	typeOK := func(b *builder) bool {
		for _, ty := range types {
			if b.res.typ == ty {
				return true
			}
		}
		return false
	}
	if id := t.refID(name); id != "" {
		if pb, ok := t.byID[id]; ok && typeOK(pb) {
			return pb
		}
		return nil
	}
	for _, pb := range t.built {
		if typeOK(pb) && pb.r.Name == name {
			return pb
		}
	}
	return nil
}

// onto makes the dependent builder record on parent p.
func (c *builder) onto(p *builder) *builder {
	c.target = p.r
	return c
}

// fillEmpty replaces nil slices in an attribute struct with empty ones, so
// that lists read as [] (not null) in rules, as from the live collectors.
func fillEmpty(v reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillEmpty(v.Elem(), depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				fillEmpty(f, depth+1)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		for i := 0; i < v.Len(); i++ {
			fillEmpty(v.Index(i), depth+1)
		}
	}
}

// nameProp reads an explicit name property into "name" and the resource's
// display name; without one CloudFormation generates a name (unknown).
func (b *builder) nameProp(p string) string {
	if !b.has(p) {
		b.target.MarkUnknown("name")
		return ""
	}
	s := b.str(p, "name", "")
	if s != "" {
		b.r.Name = s
	}
	return s
}

// pseudo is a pseudo parameter's value (placeholder or caller override).
func (b *builder) pseudo(name string) string {
	if s, ok := b.t.ref(name, nil).(string); ok {
		return s
	}
	return ""
}
