package kubernetes

import (
	"errors"

	"gopkg.in/yaml.v3"
)

// maxAliasGrowth bounds how many nodes alias expansion may add to a
// document beyond the nodes actually written. Readers below walk at most
// the expanded tree, so this bound also bounds their work; an alias bomb
// is refused before any walk, while large alias-free files stay fine.
const maxAliasGrowth = 100_000

var errAliasBomb = errors.New("document expands to too many nodes through YAML aliases")
var errAliasCycle = errors.New("YAML alias refers to a node that contains it")

// checkExpansion returns an error when doc, with every alias expanded,
// would exceed maxExpandedNodes nodes or contains an alias cycle. It visits
// each distinct node once (memoized), so it is linear in the input.
func checkExpansion(doc *yaml.Node) error {
	nodes, aliases := countNodes(doc)
	if !aliases {
		return nil // nothing expands
	}
	maxExpandedNodes := nodes + maxAliasGrowth
	const inProgress = -1
	memo := map[*yaml.Node]int{}
	var size func(n *yaml.Node) (int, error)
	size = func(n *yaml.Node) (int, error) {
		if n == nil {
			return 0, nil
		}
		if s, ok := memo[n]; ok {
			if s == inProgress {
				return 0, errAliasCycle
			}
			return s, nil
		}
		memo[n] = inProgress
		total := 1
		if n.Kind == yaml.AliasNode {
			s, err := size(n.Alias)
			if err != nil {
				return 0, err
			}
			total += s
		}
		for _, c := range n.Content {
			s, err := size(c)
			if err != nil {
				return 0, err
			}
			total += s
			if total > maxExpandedNodes {
				return 0, errAliasBomb
			}
		}
		if total > maxExpandedNodes {
			return 0, errAliasBomb
		}
		memo[n] = total
		return total, nil
	}
	_, err := size(doc)
	return err
}

// countNodes counts the nodes written in the tree (aliases not followed)
// and tells whether any is an alias.
func countNodes(n *yaml.Node) (int, bool) {
	total, aliases := 1, n.Kind == yaml.AliasNode
	for _, c := range n.Content {
		t, a := countNodes(c)
		total += t
		aliases = aliases || a
	}
	return total, aliases
}

// resolve follows aliases (bounded: checkExpansion refused cycles).
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return resolve(n.Content[0])
	}
	return n
}

// field is one key/value pair of a mapping.
type field struct {
	key, value *yaml.Node
}

// fields lists a mapping's pairs with YAML merge keys (`<<: *base`)
// applied: explicit keys win over merged ones.
func fields(n *yaml.Node) []field { return mergedFields(n, 0) }

// Merge keys are followed to a bounded depth and width, so that a lookup
// costs little even when merges are stacked on purpose.
const (
	maxMergeDepth  = 4
	maxMergeFields = 1000
)

func mergedFields(n *yaml.Node, depth int) []field {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var own, merged []field
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			v = resolve(v)
			if v == nil || depth >= maxMergeDepth {
				continue
			}
			srcs := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, m := range srcs {
				if len(merged) < maxMergeFields {
					merged = append(merged, mergedFields(m, depth+1)...)
				}
			}
			continue
		}
		own = append(own, field{k, v})
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, f := range own {
		seen[f.key.Value] = true
	}
	out := own
	for _, f := range merged {
		if !seen[f.key.Value] {
			seen[f.key.Value] = true
			out = append(out, f)
		}
	}
	return out
}

// get returns the pair for key in mapping n; ok is false when absent or
// null.
func get(n *yaml.Node, key string) (field, bool) {
	f, ok := pair(n, key)
	if !ok {
		return field{}, false
	}
	v := resolve(f.value)
	if v == nil || isNull(v) {
		return field{}, false
	}
	return field{f.key, v}, true
}

// pair returns the first pair for key in mapping n, its value possibly
// null. It reads the mapping in place unless merge keys need applying: it
// runs for every field of every object.
func pair(n *yaml.Node, key string) (field, bool) {
	if m := resolve(n); m != nil && m.Kind == yaml.MappingNode && !hasMerge(m) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return field{m.Content[i], m.Content[i+1]}, true
			}
		}
		return field{}, false
	}
	for _, f := range fields(n) {
		if f.key.Value == key {
			return f, true
		}
	}
	return field{}, false
}

func hasMerge(m *yaml.Node) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge" {
			return true
		}
	}
	return false
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || (n.Tag == "" && (n.Value == "null" || n.Value == "~")))
}

// str returns a scalar's text ("" for non-scalars).
func str(n *yaml.Node) string {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return ""
	}
	return n.Value
}

// items returns a sequence's elements, aliases resolved.
func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, resolve(c))
	}
	return out
}
