package terraform

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

// sourceFile is one parsed configuration file.
type sourceFile struct {
	rel      string // path relative to the scan root, slash-separated
	data     []byte
	ignores  []model.Ignore
	comments func(int) bool
}

// moduleConfig is the static content of one module directory: its blocks,
// not yet evaluated. It is parsed once and shared by every instance of the
// module.
type moduleConfig struct {
	dir       string // absolute
	files     []*sourceFile
	variables map[string]*variableDecl
	varOrder  []string
	locals    map[string]*hcl.Attribute
	resources []*resourceDecl
	resByAddr map[string]*resourceDecl // "type.name" or "data.type.name"
	calls     []*moduleCall
	callByKey map[string]*moduleCall
	outputs   map[string]*hcl.Attribute
	// attrRefs lists, per resource address, the attribute names that some
	// expression of the module reads from it, so that references to
	// attributes absent from the config evaluate as unknown, not errors.
	attrRefs map[string]map[string]bool
}

type variableDecl struct {
	name     string
	def      hcl.Expression
	typ      hcl.Expression
	declared *hcl.Range
}

type resourceDecl struct {
	mode, typ, name string
	addr            string // type.name or data.type.name
	body            hcl.Body
	count, forEach  hcl.Expression
	rng             hcl.Range
	file            *sourceFile
	traversals      []hcl.Traversal
}

type moduleCall struct {
	name           string
	source         string
	body           hcl.Body
	inputs         hcl.Attributes
	count, forEach hcl.Expression
	rng            hcl.Range
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}}}

var moduleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "source"}, {Name: "version"}, {Name: "count"}, {Name: "for_each"}, {Name: "providers"}, {Name: "depends_on"},
}}

var outputSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}}}

// metaAttrs are resource arguments that configure Terraform, not the
// resource; they are not part of its values.
var metaAttrs = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true, "lifecycle": true}

var metaBlocks = map[string]bool{"lifecycle": true, "provisioner": true, "connection": true}

// loadModule parses every .tf and .tf.json file of dir (absolute). Parse
// problems are reported and the rest still loads.
func (s *scanner) loadModule(dir string) *moduleConfig {
	if m, ok := s.modules[dir]; ok {
		return m
	}
	m := &moduleConfig{dir: dir, variables: map[string]*variableDecl{}, locals: map[string]*hcl.Attribute{},
		resByAddr: map[string]*resourceDecl{}, callByKey: map[string]*moduleCall{}, outputs: map[string]*hcl.Attribute{},
		attrRefs: map[string]map[string]bool{}}
	s.modules[dir] = m
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		s.errs = append(s.errs, file.Errorf(s.rel(dir), 0, "cannot read module directory"))
		return m
	}
	for _, n := range configFiles(dir) {
		s.loadFile(m, filepath.Join(dir, n))
	}
	s.index(m)
	return m
}

// parsed is a file read and parsed, possibly ahead of time by preparse.
type parsed struct {
	data  []byte
	file  *hcl.File
	diags hcl.Diagnostics
	err   *file.Error
	warn  *file.Error // reported, but the file is still read
}

// parseFile reads and parses one file; it touches no scanner state, so
// files can be parsed concurrently.
func (s *scanner) parseFile(path string) *parsed {
	rel := s.rel(path)
	st, err := os.Stat(path)
	if err != nil {
		return &parsed{err: file.Errorf(rel, 0, "cannot read: %v", err)}
	}
	if st.Size() > s.maxSize {
		return &parsed{err: file.Errorf(rel, 0, "file of %d bytes exceeds the %d byte limit; skipped", st.Size(), s.maxSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return &parsed{err: file.Errorf(rel, 0, "cannot read: %v", err)}
	}
	isJSON := strings.HasSuffix(path, ".json")
	if e := checkInput(rel, data, isJSON); e != nil {
		return &parsed{err: e}
	}
	p := &parsed{data: data}
	if isJSON {
		p.file, p.diags = hcljson.Parse(data, rel)
	} else {
		p.file, p.diags, p.warn = parseNative(data, rel)
		if b, ok := p.file.Body.(*hclsyntax.Body); ok && !p.diags.HasErrors() {
			instrument(b)
		}
	}
	return p
}

// chunkSize: files of twice this size or more are parsed piece by piece.
const chunkSize = 1 << 20

var bigParse sync.Mutex

// parseNative parses native syntax. hclsyntax lexes its whole input into
// tokens before parsing, about a hundred times the input's size in memory
// (a 10 MiB file took over a gigabyte), so a large file is parsed in pieces
// cut between top-level blocks, whose tokens are dropped piece by piece;
// positions stay those of the whole file. The syntax tree it keeps costs
// about a hundred bytes a token, so parsing stops before the piece that
// would pass file.MaxTokens, and after file.MaxResources resource and
// data blocks: the rest could not yield more instances anyway.
func parseNative(data []byte, rel string) (*hcl.File, hcl.Diagnostics, *file.Error) {
	if len(data) < 2*chunkSize {
		f, diags := hclsyntax.ParseConfig(data, rel, hcl.InitialPos)
		return f, diags, nil
	}
	// One large file at a time: files are parsed in parallel, and the
	// memory of the pieces' tokens adds up.
	bigParse.Lock()
	defer bigParse.Unlock()
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	var diags hcl.Diagnostics
	var warn *file.Error
	pieces := file.HCLPieces(data, chunkSize)
	line, resources, tokens := 1, 0, 0
pieces:
	for i, p := range pieces {
		to := len(data)
		if i+1 < len(pieces) {
			to = pieces[i+1].From
		}
		if tokens += p.Tokens; tokens > file.MaxTokens {
			warn = file.Errorf(rel, line, "more than %d tokens (names, values, operators) in this file; from here on it is not scanned, as parsing it would take gigabytes", file.MaxTokens)
			break
		}
		f, d := hclsyntax.ParseConfig(data[p.From:to], rel, hcl.Pos{Line: line, Column: 1, Byte: p.From})
		diags = append(diags, d...)
		line += bytes.Count(data[p.From:to], []byte("\n"))
		piece, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		if i == 0 {
			body.SrcRange = piece.SrcRange
		}
		body.SrcRange.End, body.EndRange = piece.SrcRange.End, piece.EndRange
		for n, a := range piece.Attributes {
			if _, dup := body.Attributes[n]; !dup {
				body.Attributes[n] = a
			}
		}
		for _, b := range piece.Blocks {
			if b.Type == "resource" || b.Type == "data" {
				if resources == file.MaxResources {
					warn = file.Errorf(rel, b.DefRange().Start.Line, "more than %d resource and data blocks in this file; from here on they are not scanned", file.MaxResources)
					break pieces
				}
				resources++
			}
			body.Blocks = append(body.Blocks, b)
		}
	}
	return &hcl.File{Body: body, Bytes: data}, diags, warn
}

// checkInput refuses, before a parser sees them, files that would flood
// it with complaints (binary content) or overflow its stack (nesting).
func checkInput(rel string, data []byte, isJSON bool) *file.Error {
	if e := file.CheckText(rel, data); e != nil {
		return e
	}
	syn := file.HCL
	if isJSON {
		syn = file.HCLJSON
	}
	return file.CheckShape(rel, data, syn)
}

// preparse parses the configuration files of dirs concurrently; parsing
// is most of the cost of a scan.
func (s *scanner) preparse(dirs []string) {
	var paths []string
	for _, d := range dirs {
		for _, n := range configFiles(d) {
			paths = append(paths, filepath.Join(d, n))
		}
	}
	results := make([]*parsed, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = s.parseFile(paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range paths {
		s.parsed[p] = results[i]
	}
}

// configFiles lists the .tf and .tf.json files of dir, sorted.
func configFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (s *scanner) loadFile(m *moduleConfig, path string) {
	p := s.parsed[path]
	if p == nil {
		p = s.parseFile(path)
	}
	delete(s.parsed, path)
	if p.err != nil {
		s.errs = append(s.errs, p.err)
		return
	}
	if p.warn != nil {
		s.errs = append(s.errs, p.warn)
	}
	s.report(p.diags)
	if p.diags.HasErrors() {
		// A file that does not parse is reported and left out whole: the
		// parser's partial recovery would invent truncated resources and
		// findings about settings the author did write.
		return
	}
	f, data, rel := p.file, p.data, s.rel(path)
	s.sources[rel] = data
	if f == nil || f.Body == nil {
		return
	}
	sf := &sourceFile{rel: rel, data: data, ignores: file.FindIgnores(rel, data), comments: file.CommentLines(data)}
	m.files = append(m.files, sf)
	content, _, diags := f.Body.PartialContent(topSchema)
	s.report(diags)
	if content == nil {
		return
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "resource", "data":
			s.addResource(m, b, sf)
		case "variable":
			c, _, d := b.Body.PartialContent(variableSchema)
			s.report(d)
			v := &variableDecl{name: b.Labels[0], declared: b.DefRange.Ptr()}
			if a := c.Attributes["default"]; a != nil {
				v.def = a.Expr
			}
			if a := c.Attributes["type"]; a != nil {
				v.typ = a.Expr
			}
			if _, dup := m.variables[v.name]; !dup {
				m.varOrder = append(m.varOrder, v.name)
			}
			m.variables[v.name] = v
		case "locals":
			attrs, d := b.Body.JustAttributes()
			s.report(d)
			for n, a := range attrs {
				m.locals[n] = a
			}
		case "module":
			s.addCall(m, b)
		case "output":
			c, _, d := b.Body.PartialContent(outputSchema)
			s.report(d)
			if a := c.Attributes["value"]; a != nil {
				m.outputs[b.Labels[0]] = a
			}
		}
	}
}

func (s *scanner) addResource(m *moduleConfig, b *hcl.Block, sf *sourceFile) {
	r := &resourceDecl{mode: "managed", typ: b.Labels[0], name: b.Labels[1], body: b.Body, file: sf}
	r.addr = r.typ + "." + r.name
	if b.Type == "data" {
		r.mode = "data"
		r.addr = "data." + r.addr
	}
	r.rng = b.DefRange
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		r.rng = hcl.RangeBetween(b.DefRange, sb.SrcRange)
		if a := sb.Attributes["count"]; a != nil {
			r.count = a.Expr
		}
		if a := sb.Attributes["for_each"]; a != nil {
			r.forEach = a.Expr
		}
		r.traversals = s.bodyTraversals(sb, nil)
	} else {
		if jr := jsonBlockRange(b); jr != nil {
			r.rng = *jr
		}
		attrs, _ := b.Body.JustAttributes()
		for n, a := range attrs {
			switch n {
			case "count":
				r.count = a.Expr
			case "for_each":
				r.forEach = a.Expr
			}
			r.traversals = append(r.traversals, s.traversals(a.Expr)...)
		}
	}
	if _, dup := m.resByAddr[r.addr]; dup {
		s.errs = append(s.errs, file.Errorf(sf.rel, b.DefRange.Start.Line, "duplicate %s block %s", b.Type, r.addr))
		return
	}
	m.resources = append(m.resources, r)
	m.resByAddr[r.addr] = r
}

// jsonBlockRange is the range of a JSON block's body, when the body
// exposes it (hcl's JSON bodies report only their opening brace).
func jsonBlockRange(b *hcl.Block) *hcl.Range {
	attrs, _ := b.Body.JustAttributes()
	rng := b.DefRange
	for _, a := range attrs {
		rng = hcl.RangeOver(rng, a.Range)
	}
	return &rng
}

func (s *scanner) addCall(m *moduleConfig, b *hcl.Block) {
	c, remain, d := b.Body.PartialContent(moduleSchema)
	s.report(d)
	call := &moduleCall{name: b.Labels[0], body: b.Body, rng: b.DefRange}
	if a := c.Attributes["source"]; a != nil {
		v, _ := a.Expr.Value(nil)
		if v.IsKnown() && !v.IsNull() && v.Type().Equals(ctyString) {
			call.source = v.AsString()
		}
	}
	if a := c.Attributes["count"]; a != nil {
		call.count = a.Expr
	}
	if a := c.Attributes["for_each"]; a != nil {
		call.forEach = a.Expr
	}
	call.inputs, _ = remain.JustAttributes()
	if _, dup := m.callByKey[call.name]; dup {
		s.errs = append(s.errs, file.Errorf(b.DefRange.Filename, b.DefRange.Start.Line, "duplicate module block %q", call.name))
		return
	}
	m.calls = append(m.calls, call)
	m.callByKey[call.name] = call
}

// index records which attributes each expression of the module reads from
// each resource, so that resource values can carry unknowns for them.
func (s *scanner) index(m *moduleConfig) {
	add := func(trs []hcl.Traversal) {
		for _, tr := range trs {
			addr, attr := refTarget(tr)
			if addr == "" || attr == "" {
				continue
			}
			set := m.attrRefs[addr]
			if set == nil {
				set = map[string]bool{}
				m.attrRefs[addr] = set
			}
			set[attr] = true
		}
	}
	for _, r := range m.resources {
		add(r.traversals)
	}
	for _, a := range m.locals {
		add(s.traversals(a.Expr))
	}
	for _, a := range m.outputs {
		add(s.traversals(a.Expr))
	}
	for _, c := range m.calls {
		for _, a := range c.inputs {
			add(s.traversals(a.Expr))
		}
		if c.count != nil {
			add(s.traversals(c.count))
		}
		if c.forEach != nil {
			add(s.traversals(c.forEach))
		}
	}
}

// refTarget names the resource a traversal reads (type.name or
// data.type.name) and the first attribute it reads from it, skipping
// instance keys.
func refTarget(tr hcl.Traversal) (addr, attr string) {
	steps := tr
	root := tr.RootName()
	var n int // steps naming the resource after the root
	switch root {
	case "var", "local", "module", "count", "each", "self", "path", "terraform":
		return "", ""
	case "data":
		n = 2
	default:
		n = 1
	}
	addr = root
	i := 1
	for ; i < len(steps) && n > 0; i++ {
		a, ok := steps[i].(hcl.TraverseAttr)
		if !ok {
			return "", ""
		}
		addr += "." + a.Name
		n--
	}
	if n > 0 {
		return "", ""
	}
	for ; i < len(steps); i++ {
		if a, ok := steps[i].(hcl.TraverseAttr); ok {
			return addr, a.Name
		}
	}
	return addr, ""
}

// traversals returns the variables an expression reads, adding for
// splats over a resource (aws_x.y[*].arn) the attribute read from each
// element as a pseudo traversal aws_x.y.arn. Results are memoized per
// expression: the same expressions are read for contexts, references and
// indexes.
func (s *scanner) traversals(expr hcl.Expression) []hcl.Traversal {
	if expr == nil {
		return nil
	}
	if trs, ok := s.trCache[expr]; ok {
		return trs
	}
	trs := expr.Variables()
	if se, ok := expr.(hclsyntax.Expression); ok && s.mayHaveSplat(se.Range()) {
		hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			sp, ok := n.(*hclsyntax.SplatExpr)
			if !ok {
				return nil
			}
			src, ok := sp.Source.(*hclsyntax.ScopeTraversalExpr)
			if !ok {
				return nil
			}
			rel, ok := sp.Each.(*hclsyntax.RelativeTraversalExpr)
			if !ok || len(rel.Traversal) == 0 {
				return nil
			}
			if a, ok := rel.Traversal[0].(hcl.TraverseAttr); ok {
				t := append(append(hcl.Traversal{}, src.Traversal...), a)
				trs = append(trs, t)
			}
			return nil
		})
	}
	s.trCache[expr] = trs
	return trs
}

// mayHaveSplat is a cheap pre-check on the source text: no '*', no splat.
func (s *scanner) mayHaveSplat(r hcl.Range) bool {
	data, ok := s.sources[r.Filename]
	if !ok || r.Start.Byte < 0 || r.End.Byte > len(data) || r.Start.Byte > r.End.Byte {
		return true
	}
	return bytes.IndexByte(data[r.Start.Byte:r.End.Byte], '*') >= 0
}

// bodyTraversals collects the variables read anywhere in a native body.
func (s *scanner) bodyTraversals(b *hclsyntax.Body, out []hcl.Traversal) []hcl.Traversal {
	for _, a := range b.Attributes {
		out = append(out, s.traversals(a.Expr)...)
	}
	for _, blk := range b.Blocks {
		out = s.bodyTraversals(blk.Body, out)
	}
	return out
}

// report turns hcl diagnostics into file errors.
func (s *scanner) report(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s.errs = append(s.errs, diagError(d))
	}
}

func diagError(d *hcl.Diagnostic) *file.Error {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	if d.Subject != nil {
		return file.Errorf(d.Subject.Filename, d.Subject.Start.Line, "%s", msg)
	}
	return &file.Error{Message: msg}
}
