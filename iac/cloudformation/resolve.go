package cloudformation

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Resolved values are what encoding/json would produce, with ints kept as
// int: map[string]any, []any, string, bool, int, float64, nil, plus the
// unknown sentinel.
type unknownValue struct{}

// MarshalJSON renders unknown values as null in Raw.
func (unknownValue) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

// unknown is a value that cannot be known before deployment.
var unknown any = unknownValue{}

func isUnknown(v any) bool { _, ok := v.(unknownValue); return ok }

// noValue is AWS::NoValue: the property it is assigned to disappears.
type noValueT struct{}

var noValue any = noValueT{}

// Pseudo parameters resolve to recognisable placeholders (the documented
// example account id, the commercial partition) so that ARNs built from
// them stay readable; callers may override them through params.
var pseudoDefaults = map[string]any{
	"AWS::AccountId":        "123456789012",
	"AWS::Partition":        "aws",
	"AWS::Region":           "us-east-1",
	"AWS::URLSuffix":        "amazonaws.com",
	"AWS::StackName":        "stack",
	"AWS::StackId":          "arn:aws:cloudformation:us-east-1:123456789012:stack/stack/00000000-0000-0000-0000-000000000000",
	"AWS::NotificationARNs": unknown,
}

// tri is a condition's truth: deployment-dependent conditions are unknown.
type tri int

const (
	triUnknown tri = iota
	triTrue
	triFalse
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

// intrinsic returns the function name and argument node of an intrinsic
// call (short tag form or single-key long form), or "" when n is data.
func intrinsic(n *yaml.Node) (string, *yaml.Node) {
	if n == nil {
		return "", nil
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		name := n.Tag[1:]
		switch name {
		case "Ref", "Condition":
		default:
			name = "Fn::" + name
		}
		arg := *n
		arg.Tag = ""
		return name, &arg
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		k := n.Content[0].Value
		if k == "Ref" || strings.HasPrefix(k, "Fn::") {
			return k, deref(n.Content[1])
		}
	}
	return "", nil
}

// budget counts a visited node; false when the template is too large to
// resolve (an alias bomb), reported once.
func (t *template) budget(n *yaml.Node, depth int) bool {
	if t.exhausted {
		return false
	}
	t.visited++
	if t.visited > maxNodes || depth > maxDepth {
		t.exhausted = true
		what := "too many nodes (alias expansion?)"
		if depth > maxDepth {
			what = "nesting too deep"
		}
		t.errorf(n, "template cannot be resolved: %s", what)
		return false
	}
	return true
}

// resolve evaluates a node into a plain value. vars are Fn::Sub's local
// variables while resolving them (nil elsewhere).
func (t *template) resolve(n *yaml.Node, vars map[string]any, depth int) any {
	n = deref(n)
	if n == nil || !t.budget(n, depth) {
		return unknown
	}
	if fn, arg := intrinsic(n); fn != "" {
		return t.call(fn, arg, n, depth+1)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return scalar(n)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v := t.resolve(c, vars, depth+1)
			if v == noValue {
				continue
			}
			out = append(out, v)
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := deref(n.Content[i])
			if k == nil {
				continue
			}
			v := t.resolve(n.Content[i+1], vars, depth+1)
			if v == noValue {
				continue
			}
			out[k.Value] = v
		}
		return out
	}
	return nil
}

// scalar decodes a plain scalar by its resolved YAML tag.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil && i >= math.MinInt32 && i <= math.MaxInt32 {
			return int(i)
		}
		return n.Value
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
		return n.Value
	}
	return n.Value
}

// scalarString renders a scalar the way CloudFormation sees it (every
// property value is a string to the engine).
func scalarString(v any) (string, bool) {
	switch s := v.(type) {
	case string:
		return s, true
	case bool:
		return strconv.FormatBool(s), true
	case int:
		return strconv.Itoa(s), true
	case float64:
		return strconv.FormatFloat(s, 'f', -1, 64), true
	}
	return "", false
}

// call evaluates one intrinsic function.
func (t *template) call(fn string, arg *yaml.Node, at *yaml.Node, depth int) any {
	switch fn {
	case "Ref":
		if arg.Kind != yaml.ScalarNode {
			t.errorf(at, "Ref needs a name")
			return unknown
		}
		return t.ref(arg.Value, at)
	case "Fn::GetAtt":
		return t.getAtt(arg, at, depth)
	case "Fn::Sub":
		return t.sub(arg, at, depth)
	case "Fn::If":
		l := seq(arg)
		if len(l) != 3 || deref(l[0]).Kind != yaml.ScalarNode {
			t.errorf(at, "Fn::If needs [condition, value-if-true, value-if-false]")
			return unknown
		}
		switch t.condition(deref(l[0]).Value, l[0]) {
		case triTrue:
			return t.resolve(l[1], nil, depth)
		case triFalse:
			return t.resolve(l[2], nil, depth)
		}
		return unknown
	case "Fn::Join":
		return t.join(arg, at, depth)
	case "Fn::Select":
		l := seq(arg)
		if len(l) != 2 {
			t.errorf(at, "Fn::Select needs [index, list]")
			return unknown
		}
		iv, lv := t.resolve(l[0], nil, depth), t.resolve(l[1], nil, depth)
		if isUnknown(iv) || isUnknown(lv) {
			return unknown
		}
		is, _ := scalarString(iv)
		i, err := strconv.Atoi(is)
		list, ok := lv.([]any)
		if err != nil || !ok {
			t.errorf(at, "Fn::Select needs a number and a list")
			return unknown
		}
		if i < 0 || i >= len(list) {
			t.errorf(at, "Fn::Select index %d out of range (list has %d elements)", i, len(list))
			return unknown
		}
		return list[i]
	case "Fn::Split":
		l := seq(arg)
		if len(l) != 2 {
			t.errorf(at, "Fn::Split needs [delimiter, string]")
			return unknown
		}
		dv, sv := t.resolve(l[0], nil, depth), t.resolve(l[1], nil, depth)
		if isUnknown(dv) || isUnknown(sv) {
			return unknown
		}
		d, ok1 := scalarString(dv)
		s, ok2 := scalarString(sv)
		if !ok1 || !ok2 || d == "" {
			t.errorf(at, "Fn::Split needs a delimiter and a string")
			return unknown
		}
		var out []any
		for _, p := range strings.Split(s, d) {
			out = append(out, p)
		}
		return out
	case "Fn::FindInMap":
		return t.findInMap(arg, at, depth)
	case "Fn::Base64":
		return t.resolve(arg, nil, depth)
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not":
		switch t.condExpr(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: fn}, arg}}, depth) {
		case triTrue:
			return true
		case triFalse:
			return false
		}
		return unknown
	case "Condition":
		switch t.condition(arg.Value, at) {
		case triTrue:
			return true
		case triFalse:
			return false
		}
		return unknown
	case "Fn::GetAZs", "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString",
		"Fn::GetParam", "Fn::ForEach":
		return unknown
	}
	t.errorf(at, "unsupported intrinsic function %s", fn)
	return unknown
}

func seq(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// ref resolves Ref: a parameter, a pseudo parameter, or a resource (whose
// placeholder is its logical id, so joins and lookups by name work).
func (t *template) ref(name string, at *yaml.Node) any {
	if name == "AWS::NoValue" {
		return noValue
	}
	if v, ok := t.params[name]; ok {
		return v
	}
	if _, ok := t.paramNodes[name]; ok {
		// Referenced while parameters are still being read.
		return unknown
	}
	if d, ok := pseudoDefaults[name]; ok {
		if s, ok := t.userParams[name]; ok {
			return s
		}
		return d
	}
	if _, ok := t.resources[name]; ok {
		return name
	}
	t.errorf(at, "Ref to undefined parameter or resource %q", name)
	return unknown
}

func (t *template) getAtt(arg, at *yaml.Node, depth int) any {
	var res, attr string
	switch arg.Kind {
	case yaml.ScalarNode:
		var ok bool
		res, attr, ok = strings.Cut(arg.Value, ".")
		if !ok {
			t.errorf(at, "Fn::GetAtt needs Resource.Attribute")
			return unknown
		}
	case yaml.SequenceNode:
		if len(arg.Content) != 2 {
			t.errorf(at, "Fn::GetAtt needs [resource, attribute]")
			return unknown
		}
		res = deref(arg.Content[0]).Value
		av := t.resolve(arg.Content[1], nil, depth)
		s, ok := av.(string)
		if !ok {
			return unknown
		}
		attr = s
	default:
		t.errorf(at, "Fn::GetAtt needs Resource.Attribute")
		return unknown
	}
	if _, ok := t.resources[res]; !ok {
		t.errorf(at, "Fn::GetAtt of undefined resource %q", res)
		return unknown
	}
	return res + "." + attr
}

func (t *template) join(arg, at *yaml.Node, depth int) any {
	l := seq(arg)
	if len(l) != 2 {
		t.errorf(at, "Fn::Join needs [delimiter, list]")
		return unknown
	}
	dv, lv := t.resolve(l[0], nil, depth), t.resolve(l[1], nil, depth)
	if isUnknown(dv) || isUnknown(lv) {
		return unknown
	}
	d, ok := scalarString(dv)
	list, ok2 := lv.([]any)
	if !ok || !ok2 {
		t.errorf(at, "Fn::Join needs a delimiter and a list")
		return unknown
	}
	parts := make([]string, 0, len(list))
	for _, e := range list {
		if isUnknown(e) {
			return unknown
		}
		s, ok := scalarString(e)
		if !ok {
			t.errorf(at, "Fn::Join list elements must be strings")
			return unknown
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, d)
}

func (t *template) findInMap(arg, at *yaml.Node, depth int) any {
	l := seq(arg)
	if len(l) < 3 {
		t.errorf(at, "Fn::FindInMap needs [map, top-level key, second-level key]")
		return unknown
	}
	keys := make([]string, 3)
	for i := range keys {
		v := t.resolve(l[i], nil, depth)
		if isUnknown(v) {
			return unknown
		}
		s, ok := scalarString(v)
		if !ok {
			t.errorf(at, "Fn::FindInMap keys must be strings")
			return unknown
		}
		keys[i] = s
	}
	n := mapGet(mapGet(mapGet(t.mappings, keys[0]), keys[1]), keys[2])
	if n == nil {
		if len(l) == 4 { // Fn::FindInMap's DefaultValue (language extensions)
			if dv := mapGet(l[3], "DefaultValue"); dv != nil {
				return t.resolve(dv, nil, depth)
			}
		}
		t.errorf(at, "Fn::FindInMap: no %s/%s/%s in Mappings", keys[0], keys[1], keys[2])
		return unknown
	}
	return t.resolve(n, nil, depth)
}

// sub resolves Fn::Sub in its string and [string, {vars}] forms.
func (t *template) sub(arg, at *yaml.Node, depth int) any {
	var text string
	var vars map[string]any
	switch arg.Kind {
	case yaml.ScalarNode:
		text = arg.Value
	case yaml.SequenceNode:
		if len(arg.Content) != 2 || deref(arg.Content[0]).Kind != yaml.ScalarNode {
			t.errorf(at, "Fn::Sub needs a string or [string, {variables}]")
			return unknown
		}
		text = deref(arg.Content[0]).Value
		vm, ok := t.resolve(arg.Content[1], nil, depth).(map[string]any)
		if !ok {
			t.errorf(at, "Fn::Sub variables must be a mapping")
			return unknown
		}
		vars = vm
	default:
		t.errorf(at, "Fn::Sub needs a string or [string, {variables}]")
		return unknown
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "${")
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		rest := text[i+2:]
		j := strings.IndexByte(rest, '}')
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		name := rest[:j]
		text = rest[j+1:]
		if strings.HasPrefix(name, "!") { // ${!Literal}
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		name = strings.TrimSpace(name)
		var v any
		if vv, ok := vars[name]; ok {
			v = vv
		} else if res, attr, ok := strings.Cut(name, "."); ok {
			if _, isRes := t.resources[res]; !isRes {
				t.errorf(at, "Fn::Sub: ${%s} names no resource", name)
				return unknown
			}
			v = res + "." + attr
		} else {
			v = t.ref(name, at)
		}
		if isUnknown(v) || v == noValue {
			return unknown
		}
		s, ok := scalarString(v)
		if !ok {
			if l, isList := v.([]any); isList { // a list parameter substitutes joined by commas
				parts := make([]string, 0, len(l))
				for _, e := range l {
					ps, _ := scalarString(e)
					parts = append(parts, ps)
				}
				s = strings.Join(parts, ",")
			} else {
				return unknown
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// condition evaluates a named condition (memoized; cycles are unknown).
func (t *template) condition(name string, at *yaml.Node) tri {
	if v, ok := t.condMemo[name]; ok {
		return v
	}
	n, ok := t.conds[name]
	if !ok {
		t.errorf(at, "undefined condition %q", name)
		return triUnknown
	}
	if t.condBusy[name] {
		t.errorf(at, "condition %q refers to itself", name)
		return triUnknown
	}
	t.condBusy[name] = true
	v := t.condExpr(n, 0)
	delete(t.condBusy, name)
	t.condMemo[name] = v
	return v
}

// condExpr evaluates a condition function.
func (t *template) condExpr(n *yaml.Node, depth int) tri {
	n = deref(n)
	if n == nil || !t.budget(n, depth) {
		return triUnknown
	}
	fn, arg := intrinsic(n)
	if fn == "" && n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "Condition" {
		fn, arg = "Condition", deref(n.Content[1])
	}
	if fn == "" {
		// A literal (e.g. true) or a resolved value.
		v := t.resolve(n, nil, depth+1)
		if b, ok := v.(bool); ok {
			return triOf(b)
		}
		if s, ok := v.(string); ok && (s == "true" || s == "false") {
			return triOf(s == "true")
		}
		return triUnknown
	}
	switch fn {
	case "Condition":
		if arg == nil || arg.Kind != yaml.ScalarNode {
			return triUnknown
		}
		return t.condition(arg.Value, n)
	case "Fn::Equals":
		l := seq(arg)
		if len(l) != 2 {
			t.errorf(n, "Fn::Equals needs two values")
			return triUnknown
		}
		a, b := t.resolve(l[0], nil, depth+1), t.resolve(l[1], nil, depth+1)
		if containsUnknown(a, 0) || containsUnknown(b, 0) {
			return triUnknown
		}
		return triOf(reflect.DeepEqual(canonical(a), canonical(b)))
	case "Fn::Not":
		l := seq(arg)
		if len(l) != 1 {
			t.errorf(n, "Fn::Not needs one condition")
			return triUnknown
		}
		switch t.condExpr(l[0], depth+1) {
		case triTrue:
			return triFalse
		case triFalse:
			return triTrue
		}
		return triUnknown
	case "Fn::And", "Fn::Or":
		isAnd := fn == "Fn::And"
		res := triOf(isAnd)
		for _, c := range seq(arg) {
			switch t.condExpr(c, depth+1) {
			case triUnknown:
				res = triUnknown
			case triFalse:
				if isAnd {
					return triFalse
				}
			case triTrue:
				if !isAnd {
					return triTrue
				}
			}
		}
		return res
	}
	v := t.call(fn, arg, n, depth+1)
	if b, ok := v.(bool); ok {
		return triOf(b)
	}
	return triUnknown
}

// canonical makes scalars compare as CloudFormation strings.
func canonical(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = canonical(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = canonical(e)
		}
		return out
	}
	if s, ok := scalarString(v); ok {
		return s
	}
	return v
}

func containsUnknown(v any, depth int) bool {
	if depth > maxDepth {
		return true
	}
	switch x := v.(type) {
	case unknownValue:
		return true
	case []any:
		for _, e := range x {
			if containsUnknown(e, depth+1) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if containsUnknown(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// rawJSON renders resolved properties for Resource.Raw.
func rawJSON(typ string, props map[string]any) json.RawMessage {
	b, err := json.Marshal(map[string]any{"Type": typ, "Properties": redactSecrets(typ, props)})
	if err != nil {
		return nil
	}
	return b
}
