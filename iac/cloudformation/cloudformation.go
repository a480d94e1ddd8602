// Package cloudformation turns CloudFormation templates (YAML or JSON) into
// normalized resources of the same kinds and attribute structs that the
// Terraform adapter and the live collectors produce. Intrinsic functions
// are resolved as far as the template allows; what depends on deployment
// (parameters without defaults, imports, AZ lists) becomes unknown.
package cloudformation

import (
	"bytes"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

const (
	// maxFileSize bounds the templates we read (CloudFormation itself
	// accepts 1 MB from S3).
	maxFileSize = 10 << 20
	// maxNodes bounds the nodes the resolver visits, so alias bombs end.
	maxNodes = 1_000_000
	// maxDepth bounds recursion through nested values and aliases.
	maxDepth = 500
)

// Detect reports whether data looks like a CloudFormation template: it has
// AWSTemplateFormatVersion, or a top-level Resources map whose entries have
// a Type "AWS::...".
func Detect(data []byte) bool {
	if len(data) > maxFileSize || !bytes.Contains(data, []byte("AWS")) {
		return false
	}
	if file.CheckShape("", data, file.SyntaxOf("", data)) != nil {
		// Too deep to decode: Parse reports it, if the text says template.
		return detectText(data)
	}
	root, err := decode(data)
	if err != nil {
		// Callers may pass only the head of a large file, which does not
		// parse; fall back to the text.
		return detectText(data)
	}
	if root == nil {
		return false
	}
	if mapGet(root, "AWSTemplateFormatVersion") != nil {
		return true
	}
	res := mapGet(root, "Resources")
	if res == nil || res.Kind != yaml.MappingNode {
		return false
	}
	for i := 1; i < len(res.Content); i += 2 {
		if t := mapGet(deref(res.Content[i]), "Type"); t != nil && t.Kind == yaml.ScalarNode &&
			strings.HasPrefix(t.Value, "AWS::") {
			return true
		}
	}
	return false
}

var (
	versionRe     = regexp.MustCompile(`(?m)^\s*["']?AWSTemplateFormatVersion["']?\s*:`)
	yamlResRe     = regexp.MustCompile(`(?m)^["']?Resources["']?\s*:`)
	awsTypeRe     = regexp.MustCompile(`(?m)^\s*["']?Type["']?\s*:\s*["']?AWS::`)
	jsonStartRe   = regexp.MustCompile(`^\s*\{`)
	jsonVersionRe = regexp.MustCompile(`"AWSTemplateFormatVersion"\s*:`)
	jsonResRe     = regexp.MustCompile(`"Resources"\s*:`)
	jsonTypeRe    = regexp.MustCompile(`"Type"\s*:\s*"AWS::`)
)

// detectText recognises a template from text that may be cut short or
// too deep to decode. JSON keys are found anywhere: a generated template
// may be a single line.
func detectText(data []byte) bool {
	if jsonStartRe.Match(data) {
		return jsonVersionRe.Match(data) || (jsonResRe.Match(data) && jsonTypeRe.Match(data))
	}
	return versionRe.Match(data) || (yamlResRe.Match(data) && awsTypeRe.Match(data))
}

// Parse parses one template. path is relative to the scan root and used in
// ids, locations and errors. params override parameter defaults (and, by
// their names, pseudo parameters such as AWS::Region). A bad resource is
// reported and the others still come out.
func Parse(path string, data []byte, params map[string]string) ([]*model.Resource, []error) {
	rs, _, errs := ParseWithUnmapped(path, data, params)
	return rs, errs
}

// ParseWithUnmapped is Parse that also counts the resources of types
// Vigil does not map (per type; those a false Condition excludes are not
// deployed and not counted): they are read, but no rule judges them.
func ParseWithUnmapped(path string, data []byte, params map[string]string) ([]*model.Resource, []model.Unjudged, []error) {
	rs, t, errs := parse(path, data, params)
	if t == nil {
		return rs, nil, errs
	}
	return rs, t.unmapped.List(), errs
}

func parse(path string, data []byte, params map[string]string) ([]*model.Resource, *template, []error) {
	if len(data) > maxFileSize {
		return nil, nil, []error{file.Errorf(path, 0, "template is larger than %d MiB", maxFileSize>>20)}
	}
	if e := file.CheckText(path, data); e != nil {
		return nil, nil, []error{e}
	}
	if e := file.CheckShape(path, data, file.SyntaxOf(path, data)); e != nil {
		return nil, nil, []error{e}
	}
	root, err := decode(data)
	if err != nil {
		return nil, nil, []error{yamlError(path, err)}
	}
	if root == nil {
		return nil, nil, []error{file.Errorf(path, 0, "template is empty")}
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, []error{file.Errorf(path, root.Line, "template is not a mapping")}
	}
	t := newTemplate(path, root, params)
	t.load()
	if t.exhausted {
		return nil, nil, t.errs
	}
	out := t.mapAll()
	ignores := file.FindIgnores(path, data)
	comments := file.CommentLines(data)
	for _, b := range t.built {
		if b.drop {
			continue
		}
		file.AttachIgnores(b.r, ignores, comments)
		for _, c := range b.children {
			tmp := &model.Resource{Location: resourceLocation(path, c)}
			file.AttachIgnores(tmp, ignores, comments)
			b.r.Ignores = append(b.r.Ignores, tmp.Ignores...)
		}
	}
	return out, t, t.errs
}

// decode reads the first YAML document. JSON is YAML, except that YAML
// forbids tabs as indentation; tabs outside JSON strings are plain
// whitespace (inside strings they must be escaped), so they become spaces.
func decode(data []byte) (*yaml.Node, error) {
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' && bytes.IndexByte(data, '\t') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\t"), []byte(" "))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return deref(doc.Content[0]), nil
}

var yamlLineRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func yamlError(path string, err error) error {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return file.Errorf(path, line, "invalid template: %s", m[2])
	}
	return file.Errorf(path, 0, "invalid template: %s", msg)
}

// rawResource is one entry of the Resources section.
type rawResource struct {
	id        string
	typ       string
	key, node *yaml.Node // the logical id key and its value
	propsNode *yaml.Node // Properties, nil when absent
	props     map[string]any
	// excluded: the resource's Condition is false.
	excluded bool
}

type template struct {
	path       string
	root       *yaml.Node
	userParams map[string]string
	params     map[string]any
	paramNodes map[string]*yaml.Node
	mappings   *yaml.Node
	conds      map[string]*yaml.Node
	condMemo   map[string]tri
	condBusy   map[string]bool
	resources  map[string]*rawResource
	order      []*rawResource
	visited    int
	exhausted  bool
	errs       []error
	built      []*builder
	byID       map[string]*builder
	unmapped   model.UnjudgedTally
}

func newTemplate(path string, root *yaml.Node, params map[string]string) *template {
	return &template{path: path, root: root, userParams: params,
		params: map[string]any{}, paramNodes: map[string]*yaml.Node{}, conds: map[string]*yaml.Node{},
		condMemo: map[string]tri{}, condBusy: map[string]bool{}, resources: map[string]*rawResource{},
		byID: map[string]*builder{}}
}

func (t *template) errorf(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	t.errs = append(t.errs, file.Errorf(t.path, line, format, args...))
}

// load reads parameters, mappings, conditions and resources, and resolves
// every resource's properties.
func (t *template) load() {
	if p := mapGet(t.root, "Parameters"); p != nil && p.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(p.Content); i += 2 {
			t.paramNodes[p.Content[i].Value] = deref(p.Content[i+1])
		}
		for i := 0; i+1 < len(p.Content); i += 2 {
			name := p.Content[i].Value
			t.params[name] = t.paramValue(name, t.paramNodes[name])
		}
	}
	if m := mapGet(t.root, "Mappings"); m != nil && m.Kind == yaml.MappingNode {
		t.mappings = m
	}
	if c := mapGet(t.root, "Conditions"); c != nil && c.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(c.Content); i += 2 {
			t.conds[c.Content[i].Value] = c.Content[i+1]
		}
	}
	res := mapGet(t.root, "Resources")
	if res == nil {
		t.errorf(t.root, "template has no Resources section")
		return
	}
	if res.Kind != yaml.MappingNode {
		t.errorf(res, "Resources is not a mapping")
		return
	}
	for i := 0; i+1 < len(res.Content); i += 2 {
		k, v := res.Content[i], deref(res.Content[i+1])
		r := &rawResource{id: k.Value, key: k, node: v}
		if v == nil || v.Kind != yaml.MappingNode {
			t.errorf(k, "resource %s is not a mapping", k.Value)
			continue
		}
		tn := mapGet(v, "Type")
		if tn == nil || tn.Kind != yaml.ScalarNode || tn.Value == "" {
			t.errorf(k, "resource %s has no Type", k.Value)
			continue
		}
		r.typ = tn.Value
		if _, dup := t.resources[r.id]; dup {
			t.errorf(k, "resource %s is declared twice", r.id)
			continue
		}
		if len(t.order) == file.MaxResources {
			t.errorf(k, "more than %d resources in this template; from here on they are not scanned", file.MaxResources)
			break
		}
		t.resources[r.id] = r
		t.order = append(t.order, r)
	}
	for _, r := range t.order {
		if c := mapGet(r.node, "Condition"); c != nil {
			if c.Kind != yaml.ScalarNode {
				t.errorf(c, "resource %s: Condition must be a condition name", r.id)
			} else if t.condition(c.Value, c) == triFalse {
				r.excluded = true
				continue
			}
		}
		pn := mapGet(r.node, "Properties")
		if pn == nil {
			r.props = map[string]any{}
			continue
		}
		r.propsNode = pn
		v := t.resolve(pn, nil, 0)
		switch pv := v.(type) {
		case map[string]any:
			r.props = pv
		default:
			if isUnknown(pv) {
				r.props = map[string]any{}
				t.errorf(pn, "resource %s: Properties cannot be resolved", r.id)
			} else {
				t.errorf(pn, "resource %s: Properties is not a mapping", r.id)
			}
		}
		if t.exhausted {
			return
		}
	}
}

// paramValue is a parameter's value: the caller's override, else its
// Default, else unknown. List types become lists.
func (t *template) paramValue(name string, n *yaml.Node) any {
	var v any = unknown
	if s, ok := t.userParams[name]; ok {
		v = s
	} else if d := mapGet(n, "Default"); d != nil {
		dv := t.resolve(d, nil, 0)
		if l, ok := dv.([]any); ok {
			return l
		}
		if s, ok := scalarString(dv); ok {
			v = s
		}
	}
	typ := ""
	if tn := mapGet(n, "Type"); tn != nil {
		typ = tn.Value
	}
	if s, ok := v.(string); ok && (typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")) {
		var l []any
		for _, e := range strings.Split(s, ",") {
			l = append(l, strings.TrimSpace(e))
		}
		return l
	}
	return v
}

// mapGet returns the value of key in a mapping node (aliases followed).
func mapGet(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// mapKey returns the key node of key in a mapping node.
func mapKey(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], deref(n.Content[i+1])
		}
	}
	return nil, nil
}

// deref follows alias nodes (bounded, aliases cannot loop in yaml.v3 but
// a chain could be long).
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// lastLine is the last line of a node's text (aliases not followed).
func lastLine(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	max := n.Line
	if n.Kind == yaml.ScalarNode && (n.Style&(yaml.LiteralStyle|yaml.FoldedStyle)) != 0 {
		max += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
	}
	stack := append([]*yaml.Node(nil), n.Content...)
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Line > max {
			max = c.Line
		}
		stack = append(stack, c.Content...)
	}
	return max
}

func resourceLocation(path string, r *rawResource) *model.Location {
	return &model.Location{File: path, StartLine: r.key.Line, EndLine: max(lastLine(r.node), r.key.Line)}
}

// mapAll builds the normalized resources: parents first, then the
// dependent resources joined into them.
func (t *template) mapAll() []*model.Resource {
	for _, r := range t.order {
		if r.excluded || r.props == nil {
			continue
		}
		_, parent := parents[r.typ]
		if _, child := children[r.typ]; !parent && !child {
			t.unmapped.Add(model.Unjudged{What: model.UnjudgedType, Source: model.SourceCloudFormation, Name: r.typ, Count: 1, Files: []string{t.path}})
		}
		if m, ok := parents[r.typ]; ok {
			b := t.newBuilder(r, m.kind)
			if t.safely(r, func() { m.fn(b) }) {
				t.built = append(t.built, b)
				t.byID[r.id] = b
			}
		}
	}
	for _, r := range t.order {
		if r.excluded || r.props == nil {
			continue
		}
		if fn, ok := children[r.typ]; ok {
			c := &builder{t: t, res: r}
			t.safely(r, func() { fn(c) })
		}
	}
	out := make([]*model.Resource, 0, len(t.built))
	for _, b := range t.built {
		if b.drop {
			continue
		}
		sort.Strings(b.r.Unknown)
		fillEmpty(reflect.ValueOf(b.r.Attributes), 0)
		out = append(out, b.r)
	}
	return out
}

// safely runs a mapper, turning a panic on a malformed resource into an
// error for that resource so the others still come out.
func (t *template) safely(r *rawResource, fn func()) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			t.errorf(r.key, "resource %s (%s): %v", r.id, r.typ, p)
			ok = false
		}
	}()
	fn()
	return true
}
