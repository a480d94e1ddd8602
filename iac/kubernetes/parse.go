// Package kubernetes turns Kubernetes objects into normalized resources:
// workloads in one pod-spec view, RBAC roles and bindings, namespaces,
// network policies, services and service accounts.
//
// Two layers. Normalize (normalize.go, objects.go, workload.go) maps one
// object given as a generic value tree, the map[string]any a JSON or YAML
// decoder or client-go's unstructured objects hold, plus an Origin that
// says where it was read: a live collector calls it with the API server's
// objects. The manifest layer (parse.go, node.go, tree.go) reads files of
// manifests (multi-document YAML or JSON, List kinds included) under the
// input bounds, turns each object into a tree, and gives Normalize the
// lines of its fields for findings.
package kubernetes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

// MaxFileSize is the largest manifest file Parse accepts.
const MaxFileSize = 10 << 20

// Detect reports whether data looks like Kubernetes manifests: at least one
// document is a mapping with apiVersion and kind.
func Detect(data []byte) bool {
	if len(data) > MaxFileSize || !bytes.Contains(data, []byte("apiVersion")) || !bytes.Contains(data, []byte("kind")) {
		return false
	}
	for _, c := range splitDocuments(data) {
		docs, err := decodeChunk(c)
		if err != nil && looksLikeManifest(c.text) {
			// A broken manifest is still a manifest: Parse reports where
			// it breaks instead of the loader skipping it in silence.
			return true
		}
		for _, d := range docs {
			root := d.Content[0]
			if root.Kind != yaml.MappingNode {
				continue
			}
			var api, kind bool
			for i := 0; i+1 < len(root.Content); i += 2 {
				k, v := root.Content[i], root.Content[i+1]
				if v.Kind != yaml.ScalarNode || v.Value == "" {
					continue
				}
				switch k.Value {
				case "apiVersion":
					api = true
				case "kind":
					kind = true
				}
			}
			if api && kind {
				return true
			}
		}
	}
	return false
}

// Parse parses one file of manifests. A malformed document yields a
// *file.Error and the other documents still parse. Objects of kinds Vigil
// does not model are skipped.
func Parse(path string, data []byte) ([]*model.Resource, []error) {
	rs, _, errs := ParseWithUnmapped(path, data)
	return rs, errs
}

// ParseWithUnmapped is Parse that also counts the objects of kinds Vigil
// does not model, per kind ("ConfigMap", or "group/Kind" outside the core
// group): they are read, but no rule judges them.
func ParseWithUnmapped(path string, data []byte) ([]*model.Resource, []model.Unjudged, []error) {
	if len(data) > MaxFileSize {
		return nil, nil, []error{file.Errorf(path, 0, "file is %d bytes, larger than the %d-byte limit", len(data), MaxFileSize)}
	}
	if e := file.CheckText(path, data); e != nil {
		return nil, nil, []error{e}
	}
	syn := file.SyntaxOf(path, data)
	var out []*model.Resource
	var errs []error
	ignores := file.FindIgnores(path, data)
	above := ignoreAnchor(data)
	q := &quota{path: path}
	for _, c := range splitDocuments(data) {
		if q.n == file.MaxResources {
			q.take(c.start) // reports where the file stops being read
			break
		}
		if kind, items, ok := listItems(c); ok {
			rs, lerrs := parseList(path, kind, items, syn, q)
			errs = append(errs, lerrs...)
			for _, r := range rs {
				file.AttachIgnores(r, ignores, above)
			}
			out = append(out, rs...)
			continue
		}
		// A document nesting too deep is skipped before yaml.v3 and the
		// recursive walks below see it; the others are still read.
		if e := c.checkShape(path, syn); e != nil {
			errs = append(errs, e)
			continue
		}
		docs, err := decodeChunk(c)
		if err != nil {
			errs = append(errs, chunkError(path, c, err))
		}
		for _, d := range docs {
			rs, derrs := parseDocument(path, d, c.end, q)
			errs = append(errs, derrs...)
			for _, r := range rs {
				file.AttachIgnores(r, ignores, above)
			}
			out = append(out, rs...)
		}
	}
	if q.err != nil {
		errs = append(errs, q.err)
	}
	return out, q.unmapped.List(), errs
}

var (
	listItemsRe = regexp.MustCompile(`^items:[ \t]*(?:#.*)?$`)
	listKindRe  = regexp.MustCompile(`^kind:[ \t]*["']?([A-Za-z0-9]*List)["']?[ \t]*(?:#.*)?$`)
	anchorRe    = regexp.MustCompile(`(?:^|[\s\[{,:-])[&*][^\s\]},]`)
)

// listItems cuts a List document whose items are a block sequence into
// one chunk per item, so that items are decoded one at a time and only as
// many as the file's quota takes: decoded whole, a 10 MB List was a tree
// of 390 MB, most of it read only to be dropped. ok is false for any other
// document, for flow and JSON Lists, and where an anchor or alias could
// tie items together; those are decoded whole.
func listItems(c chunk) (kind string, items []chunk, ok bool) {
	if !bytes.Contains(c.text, []byte("\nitems:")) || anchorRe.Match(c.text) {
		return "", nil, false
	}
	lines := bytes.SplitAfter(c.text, []byte("\n"))
	col := -1 // the items' "- " column; -1 before the items block
	inItems := false
	for i, l := range lines {
		n := c.start + i
		t := bytes.TrimRight(l, " \t\r\n")
		trimmed := bytes.TrimLeft(t, " ")
		indent := len(t) - len(trimmed)
		blank := len(trimmed) == 0 || trimmed[0] == '#'
		dash := len(trimmed) > 0 && trimmed[0] == '-' && (len(trimmed) == 1 || trimmed[1] == ' ')
		switch {
		case inItems && blank:
			if len(items) > 0 {
				items[len(items)-1].text = append(items[len(items)-1].text, l...)
			}
			continue
		case inItems && col < 0:
			if !dash {
				return "", nil, false // items: [] or a flow sequence
			}
			col = indent
			fallthrough
		case inItems && dash && indent == col:
			items = append(items, chunk{start: n, end: n, text: append([]byte(nil), l...)})
			continue
		case inItems && indent > col && len(items) > 0:
			items[len(items)-1].text = append(items[len(items)-1].text, l...)
			items[len(items)-1].end = n
			continue
		}
		inItems = false
		if indent == 0 && listItemsRe.Match(t) {
			if items != nil {
				return "", nil, false // two items keys
			}
			inItems, items = true, []chunk{}
		} else if m := listKindRe.FindSubmatch(t); m != nil && indent == 0 {
			kind = string(m[1])
		}
	}
	return kind, items, kind != "" && len(items) > 0
}

// parseList maps the items listItems cut, one at a time.
func parseList(path, kind string, items []chunk, syn file.Syntax, q *quota) ([]*model.Resource, []error) {
	var out []*model.Resource
	var errs []error
	for i, c := range items {
		if q.n == file.MaxResources {
			q.take(c.start)
			break
		}
		if e := c.checkShape(path, syn); e != nil {
			errs = append(errs, e)
			continue
		}
		docs, err := decodeChunk(c)
		if err != nil {
			errs = append(errs, chunkError(path, c, err))
			continue
		}
		if len(docs) != 1 || docs[0].Content[0].Kind != yaml.SequenceNode || len(docs[0].Content[0].Content) != 1 {
			continue
		}
		it := docs[0].Content[0].Content[0]
		if err := checkExpansion(it); err != nil {
			errs = append(errs, file.Errorf(path, it.Line, "%v", err))
			continue
		}
		if it = resolve(it); it == nil || it.Kind != yaml.MappingNode {
			continue
		}
		end := c.end
		if i+1 < len(items) {
			end = items[i+1].start - 1
		}
		k := str(field0(it, "kind"))
		if k == "" {
			k = strings.TrimSuffix(kind, "List")
		}
		r, err := object(path, it, k, model.Location{File: path, StartLine: it.Line, EndLine: max(end, it.Line)})
		if err != nil {
			errs = append(errs, err)
		}
		q.skipped(r, err, it, k)
		if r != nil && q.take(it.Line) {
			out = append(out, r)
		}
	}
	return out, errs
}

// quota counts the objects of one file against file.MaxResources, and
// those of kinds Vigil does not model.
type quota struct {
	path     string
	n        int
	err      error
	unmapped model.UnjudgedTally
}

// skipped counts obj when object skipped it (nil resource, no
// error): a kind Vigil does not model, named with its API group.
func (q *quota) skipped(r *model.Resource, err error, obj *yaml.Node, kind string) {
	if r != nil || err != nil {
		return
	}
	name := kind
	if g := apiGroup(str(field0(obj, "apiVersion"))); g != "" {
		name = g + "/" + kind
	}
	q.unmapped.Add(model.Unjudged{What: model.UnjudgedType, Source: "kubernetes", Name: name, Count: 1, Files: []string{q.path}})
}

// take counts one more object at line; false, and a warning there, once
// the file has yielded its share.
func (q *quota) take(line int) bool {
	if q.n < file.MaxResources {
		q.n++
		return true
	}
	if q.err == nil {
		q.err = file.Errorf(q.path, line, "more than %d objects in this file; from here on they are not scanned", file.MaxResources)
	}
	return false
}

// ignoreAnchor reports lines that may hold suppressions for the block
// below: comments, and the `---` separating it from the previous document.
func ignoreAnchor(data []byte) func(int) bool {
	comment := file.CommentLines(data)
	var lines [][]byte
	return func(n int) bool {
		if comment(n) {
			return true
		}
		if lines == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		return n >= 1 && n <= len(lines) && isDocStart(bytes.TrimRight(lines[n-1], " \t\r"))
	}
}

// chunk is the text of one YAML document and where it sits in the file.
type chunk struct {
	start int // 1-based line of the chunk's first line
	end   int // last line holding content
	text  []byte
}

// checkShape bounds a chunk's nesting and tokens, with the line in the
// file where a bound is crossed.
func (c chunk) checkShape(path string, syn file.Syntax) *file.Error {
	e := file.CheckShape(path, c.text, syn)
	if e != nil {
		e.Line += c.start - 1
	}
	return e
}

var docStartRe = regexp.MustCompile(`^---(?:[ \t]|$)`)

func isDocStart(l []byte) bool { return docStartRe.Match(l) }

func isDocEnd(l []byte) bool {
	return bytes.Equal(l, []byte("...")) || bytes.HasPrefix(l, []byte("... ")) || bytes.HasPrefix(l, []byte("...\t"))
}

// splitDocuments cuts a stream at document markers (which YAML only allows
// in column 0, even inside block scalars), so that one malformed document
// does not stop the parse of the others. Comments and directives before a
// `---` stay with the document that follows.
func splitDocuments(data []byte) []chunk {
	var out []chunk
	cur := chunk{start: 1}
	content := false
	flush := func(next int) {
		if content {
			out = append(out, cur)
		}
		cur = chunk{start: next}
		content = false
	}
	newAfter := false
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, l := range lines {
		n := i + 1
		t := bytes.TrimRight(l, " \t\r\n")
		if newAfter {
			flush(n)
			newAfter = false
		}
		if isDocStart(t) && content {
			flush(n)
		}
		cur.text = append(cur.text, l...)
		switch {
		case isDocStart(t):
			rest := bytes.TrimSpace(t[3:])
			if len(rest) > 0 && rest[0] != '#' {
				content = true
				cur.end = n
			}
		case isDocEnd(t):
			newAfter = true
		case len(bytes.TrimSpace(t)) == 0:
		case bytes.HasPrefix(bytes.TrimSpace(t), []byte("#")):
		case t[0] == '%' && !content:
		default:
			content = true
			cur.end = n
		}
	}
	flush(0)
	return out
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// chunkError turns a yaml.v3 error into a file:line error of the file.
func chunkError(path string, c chunk, err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return file.Errorf(path, c.start+n-1, "invalid YAML: %s", m[2])
	}
	return file.Errorf(path, c.start, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// decodeChunk parses the documents of a chunk, with node lines shifted to
// file lines. It never panics: a parser panic becomes an error.
func decodeChunk(c chunk) (docs []*yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: parser failed: %v", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(c.text))
	for {
		var d yaml.Node
		if err := dec.Decode(&d); err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return docs, err
		}
		if len(d.Content) == 0 {
			continue
		}
		shiftLines(&d, c.start-1)
		docs = append(docs, &d)
	}
}

// shiftLines adds off to the line of every node of the tree (aliases are
// not followed: their targets are in the tree already).
func shiftLines(n *yaml.Node, off int) {
	n.Line += off
	for _, c := range n.Content {
		shiftLines(c, off)
	}
}

// parseDocument maps one YAML document: one object, or a List of them.
func parseDocument(path string, doc *yaml.Node, end int, q *quota) ([]*model.Resource, []error) {
	root := doc.Content[0]
	if err := checkExpansion(root); err != nil {
		return nil, []error{file.Errorf(path, root.Line, "%v", err)}
	}
	root = resolve(root)
	if root == nil || isNull(root) {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, []error{file.Errorf(path, root.Line, "document is not a mapping (a Kubernetes object)")}
	}
	kind := str(field0(root, "kind"))
	if kind == "" {
		return nil, []error{file.Errorf(path, root.Line, "object has no kind")}
	}
	if list, ok := get(root, "items"); ok && strings.HasSuffix(kind, "List") {
		var out []*model.Resource
		var errs []error
		its := items(list.value)
		for i, it := range its {
			if it == nil || it.Kind != yaml.MappingNode {
				continue
			}
			itemEnd := end
			if i+1 < len(its) && its[i+1] != nil && its[i+1].Line > it.Line {
				itemEnd = its[i+1].Line - 1
			}
			k := str(field0(it, "kind"))
			if k == "" {
				k = strings.TrimSuffix(kind, "List")
			}
			r, err := object(path, it, k, model.Location{File: path, StartLine: it.Line, EndLine: itemEnd})
			if err != nil {
				errs = append(errs, err)
			}
			q.skipped(r, err, it, k)
			if r != nil {
				if !q.take(it.Line) {
					break
				}
				out = append(out, r)
			}
		}
		return out, errs
	}
	r, err := object(path, root, kind, model.Location{File: path, StartLine: root.Line, EndLine: max(end, root.Line)})
	if err != nil {
		return nil, []error{err}
	}
	q.skipped(r, err, root, kind)
	if r == nil || !q.take(root.Line) {
		return nil, nil
	}
	return []*model.Resource{r}, nil
}

// field0 returns the value of key in n, or nil.
func field0(n *yaml.Node, key string) *yaml.Node {
	f, _ := get(n, key)
	return f.value
}

var (
	topAPIVersion = regexp.MustCompile(`(?m)^apiVersion:[ \t]*\S`)
	topKind       = regexp.MustCompile(`(?m)^kind:[ \t]*\S`)
)

// looksLikeManifest is the textual test for a document YAML cannot decode:
// top-level apiVersion and kind keys.
func looksLikeManifest(text []byte) bool {
	return topAPIVersion.Match(text) && topKind.Match(text)
}
