package kubernetes

import (
	"encoding/json"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/model"
)

// object normalizes one object of a manifest: its node becomes a generic
// tree, and Origin.Line finds the lines back in the node. Objects of kinds
// Vigil does not model are not converted at all (a large ConfigMap costs
// nothing more).
func object(path string, obj *yaml.Node, kind string, loc model.Location) (*model.Resource, error) {
	if !Models(kind, str(field0(obj, "apiVersion"))) {
		return nil, nil
	}
	tree, _ := toTree(obj).(map[string]any)
	return Normalize(tree, Origin{Scope: path, Source: model.SourceKubernetesManifest, Location: &loc,
		Line: nodeLines(obj), Kind: kind})
}

// toTree converts a YAML node to the generic tree Normalize reads, as a
// YAML decoder would, with aliases and merge keys applied (the first of
// duplicate keys wins, as get reads them) and with scalars kept as written:
// null is nil, true and false are bools, numbers are json.Number holding
// their literal (an image tag 1.10 stays "1.10"), everything else is its
// text. Callers bound the expansion first (checkExpansion).
func toTree(n *yaml.Node) any {
	return (&treeBuilder{}).build(n)
}

// treeBuilder shares the tree of a node reached again through an alias.
type treeBuilder struct {
	memo map[*yaml.Node]any
}

func (t *treeBuilder) build(n *yaml.Node) any {
	alias := n != nil && n.Kind == yaml.AliasNode
	n = resolve(n)
	if n == nil {
		return nil
	}
	if v, ok := t.memo[n]; ok && alias {
		return v
	}
	var out any
	switch n.Kind {
	case yaml.MappingNode:
		fs := fields(n)
		m := make(map[string]any, len(fs))
		out = m
		t.remember(alias, n, out) // before the values: cycles were refused, but never loop
		for _, f := range fs {
			if _, dup := m[f.key.Value]; !dup {
				m[f.key.Value] = t.build(f.value)
			}
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = t.build(c)
		}
		out = l
	case yaml.ScalarNode:
		out = scalar(n)
	}
	t.remember(alias, n, out)
	return out
}

func (t *treeBuilder) remember(alias bool, n *yaml.Node, v any) {
	if !alias {
		return
	}
	if t.memo == nil {
		t.memo = map[*yaml.Node]any{}
	}
	t.memo[n] = v
}

// scalar keeps a scalar as written: only the spellings that convert back
// to the same text become typed values.
func scalar(n *yaml.Node) any {
	if isNull(n) {
		return nil
	}
	switch n.ShortTag() {
	case "!!bool":
		switch n.Value {
		case "true":
			return true
		case "false":
			return false
		}
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}

// nodeLines finds the line of a field path in an object's node: the key's
// line for a key (even when its value is null), the item's for an index.
func nodeLines(obj *yaml.Node) func(path []any) int {
	return func(path []any) int {
		n, line := obj, 0
		for _, p := range path {
			switch k := p.(type) {
			case string:
				f, ok := pair(n, k)
				if !ok {
					return 0
				}
				n, line = f.value, f.key.Line
			case int:
				its := items(n)
				if k < 0 || k >= len(its) || its[k] == nil {
					return 0
				}
				n, line = its[k], its[k].Line
			default:
				return 0
			}
		}
		return line
	}
}
