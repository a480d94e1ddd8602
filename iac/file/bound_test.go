package file

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"gopkg.in/yaml.v3"
)

// The nesting scanners stand in for the parsers' recursion: this is the
// property that makes MaxNesting a bound on it. For any input the scanner
// passes, the tree the parser builds is at most a few times deeper than
// the scanner counted (a block is a block and a body, a parenthesis an
// expression and its content ...).
const (
	treePerLevel = 3
	treeSlack    = 6
)

type depthWalker struct{ depth, max int }

func (w *depthWalker) Enter(hclsyntax.Node) hcl.Diagnostics {
	w.depth++
	w.max = max(w.max, w.depth)
	return nil
}

func (w *depthWalker) Exit(hclsyntax.Node) hcl.Diagnostics {
	w.depth--
	return nil
}

func yamlTreeDepth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		d = max(d, yamlTreeDepth(c))
	}
	return d + 1
}

func jsonTreeDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			d = max(d, jsonTreeDepth(e))
		}
	case map[string]any:
		for _, e := range v {
			d = max(d, jsonTreeDepth(e))
		}
	default:
		return 0
	}
	return d + 1
}

func checkBound(t *testing.T, what string, tree int, sc scan) {
	t.Helper()
	if tree > treePerLevel*sc.maxDepth+treeSlack {
		t.Fatalf("%s: the parser's tree is %d deep, the scanner counted %d", what, tree, sc.maxDepth)
	}
}

func FuzzScannersBoundParsers(f *testing.F) {
	for _, s := range []string{
		"a { b { c = [(1 + 2) * -x[0][y].z, { k = !v ? f(1)[2] : \"${g(h)}\" }] } }\n",
		"x = [for a in b : { for c in a : c => [c] if c != null }]\ny = a.*.b[*].c\n",
		"x = <<EOT\n%{ if a }${[for b in c : b]}%{ endif }\nEOT\n",
		"x = 1-1-1*2/3%4 == 5 && 6 < 7 || !8 >= 9 ? a : b ? c : d\n",
		"a:\n  - b: [1, {c: [2]}]\n    d:\n      - - e\n        - {f: g}\n",
		"- [[[a]]]\n- b: {c: {d: [e]}}\n",
		`{"a": [1, {"b": [[2]]}], "c": {"d": {}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 2048 {
			return
		}
		if sc := hclScan(data, false, nil); sc.deepAt == 0 {
			if file, _ := hclsyntax.ParseConfig(data, "f.tf", hcl.InitialPos); file != nil {
				if body, ok := file.Body.(*hclsyntax.Body); ok {
					w := &depthWalker{}
					hclsyntax.Walk(body, w)
					checkBound(t, "hcl", w.max, sc)
				}
			}
		}
		if sc := hclScan(data, true, nil); sc.deepAt == 0 {
			if expr, diags := hclsyntax.ParseTemplate(data, "f.tpl", hcl.InitialPos); expr != nil && !diags.HasErrors() {
				w := &depthWalker{}
				hclsyntax.Walk(expr, w)
				checkBound(t, "template", w.max, sc)
			}
		}
		if sc := yamlScan(data); sc.deepAt == 0 {
			var n yaml.Node
			if yaml.Unmarshal(data, &n) == nil {
				checkBound(t, "yaml", yamlTreeDepth(&n), sc)
			}
		}
		if sc := jsonScan(data, nil); sc.deepAt == 0 {
			var v any
			if json.Unmarshal(data, &v) == nil {
				checkBound(t, "json", jsonTreeDepth(v), sc)
			}
		}
	})
}
