package policy

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/policies"
)

// Start-up must not grow with the rule set. Parsing, compiling and
// preparing every built-in rule costs about 1.5 ms a rule, paid before the
// first resource is judged. So an engine knows its built-in rules from a
// catalog (metadata, derived reads, and which modules each module needs)
// and compiles only the modules of the kinds a scan holds, when it first
// evaluates them (Engine.prepare).
//
// The catalog of the embedded rules is generated ahead into
// builtin_catalog.json (`go generate ./policy`); it carries the rules
// digest it was made from and is used only while that matches the
// embedded rules. A stale or missing one is derived from the sources at
// start-up instead: slower, never different (TestBuiltinCatalogCurrent
// fails until it is regenerated).

//go:generate go test -run ^TestBuiltinCatalogCurrent$ -update-catalog .

//go:embed builtin_catalog.json
var builtinCatalogJSON []byte

// catalog describes a set of built-in modules without compiling them.
type catalog struct {
	// Digest is buildinfo.Digest of the rules the catalog describes.
	Digest  string       `json:"digest"`
	Modules []*catModule `json:"modules"`

	byFile map[string]*catModule
	// pkgs indexes module files by package path ("vigil.lib.iam"), and
	// under by every prefix of a package path, for dependsOn.
	pkgs  map[string][]string
	under map[string][]string
}

// catModule is one built-in module.
type catModule struct {
	File    string `json:"file"`
	Package string `json:"package"`
	// Deps are the other modules this one refers to, directly: the other
	// modules of its package, the helpers it imports or calls.
	Deps []string `json:"deps,omitempty"`
	// Rule is the module's rule with its derived reads; nil for a helper.
	Rule *Rule `json:"rule,omitempty"`
	// Inventory: the rule's queries carry data.inventory.
	Inventory bool `json:"inventory,omitempty"`
	// Metadata: the module reads its own annotations (rego.metadata.*), so
	// it is parsed with them.
	Metadata bool `json:"metadata,omitempty"`

	text string
	once sync.Once
	mod  *ast.Module
	err  error
}

// module parses the module once; safe for concurrent use.
func (cm *catModule) module() (*ast.Module, error) {
	cm.once.Do(func() {
		cm.mod, cm.err = ast.ParseModuleWithOpts(cm.File, cm.text,
			ast.ParserOptions{ProcessAnnotation: cm.Metadata, RegoVersion: ast.RegoV1})
	})
	return cm.mod, cm.err
}

var (
	embeddedOnce sync.Once
	embeddedCat  *catalog
	embeddedErr  error
)

// builtinCatalog is the catalog of the embedded rules, read once.
func builtinCatalog() (*catalog, error) {
	embeddedOnce.Do(func() {
		// Hashing the embedded rules and decoding the catalog take about
		// the same time, on a path every scan waits for: side by side.
		digest := make(chan string, 1)
		go func() { digest <- buildinfo.Get().RulesDigest }()
		embeddedCat, embeddedErr = loadBuiltinCatalog(digest)
	})
	return embeddedCat, embeddedErr
}

// loadBuiltinCatalog decodes the generated catalog and uses it when it was
// made from the embedded rules, whose digest comes on the channel.
func loadBuiltinCatalog(digests <-chan string) (*catalog, error) {
	var c catalog
	err := json.Unmarshal(builtinCatalogJSON, &c)
	digest := <-digests
	if err == nil && c.Digest == digest && !strings.HasPrefix(digest, "unknown") {
		for _, cm := range c.Modules {
			b, err := policies.FS.ReadFile(strings.TrimPrefix(cm.File, builtinPrefix))
			if err != nil {
				return nil, err
			}
			// ReadFile returned a copy that nothing else holds or
			// changes: the text is that copy, not a second one.
			cm.text = unsafe.String(unsafe.SliceData(b), len(b))
			if cm.Rule != nil {
				cm.Rule.Source = cm.text
				cm.Rule.inventory = cm.Inventory
			}
		}
		c.index()
		return &c, nil
	}
	// Stale: derive it (the rules changed since `go generate ./policy`).
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	cat, err := buildCatalog(srcs)
	if err != nil {
		return nil, err
	}
	cat.Digest = digest
	return cat, nil
}

// builtinSources reads the embedded .rego files.
func builtinSources() ([]source, error) {
	var out []source
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := policies.FS.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, source{file: builtinPrefix + p, text: string(b), builtin: true})
		return nil
	})
	return out, err
}

// buildCatalog parses built-in sources and derives their catalog. The
// parsed modules are kept in it.
func buildCatalog(srcs []source) (*catalog, error) {
	parsed, errs := parseSources(srcs)
	cat := &catalog{}
	modules := map[string]*ast.Module{}
	byID := map[string]string{}
	for _, p := range parsed {
		r, err := ruleFromModule(p.file, p.m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cm := &catModule{File: p.file, Package: pkgPath(p.m), text: p.text, mod: p.m, Metadata: readsMetadata(p.m)}
		cm.once.Do(func() {}) // parsed already
		if r != nil {
			if prev, ok := byID[r.ID]; ok {
				errs = append(errs, fmt.Errorf("%s: rule id %s is already defined in %s", p.file, r.ID, prev))
				continue
			}
			byID[r.ID] = p.file
			r.Builtin = true
			r.Source = p.text
			cm.Rule = r
		}
		modules[p.file] = p.m
		cat.Modules = append(cat.Modules, cm)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(cat.Modules, func(i, j int) bool { return cat.Modules[i].File < cat.Modules[j].File })
	cat.index()
	reads := packageReads(modules)
	for _, cm := range cat.Modules {
		cm.Deps = cat.dependsOn(cm.mod, cm.File)
		if r := cm.Rule; r != nil {
			pr := reads[r.Package]
			r.Reads = mergeReads(r.Reads, pr.attrs)
			r.RelatedReads = mergeRelated(r.RelatedReads, pr.related)
			r.inventory = pr.inventory || len(r.RelatedReads) > 0
			cm.Inventory = r.inventory
		}
	}
	return cat, nil
}

func (c *catalog) index() {
	c.byFile = make(map[string]*catModule, len(c.Modules))
	c.pkgs = map[string][]string{}
	c.under = map[string][]string{}
	for _, cm := range c.Modules {
		c.byFile[cm.File] = cm
		c.pkgs[cm.Package] = append(c.pkgs[cm.Package], cm.File)
		parts := strings.Split(cm.Package, ".")
		for i := 1; i <= len(parts); i++ {
			p := strings.Join(parts[:i], ".")
			c.under[p] = append(c.under[p], cm.File)
		}
	}
}

// dependsOn lists the catalog's modules that module m (named file, left
// out) may refer to: every module of a package that one of m's data
// references (its own package and imports included) leads into or
// contains. A reference whose path is not constant past `data` depends
// on everything.
func (c *catalog) dependsOn(m *ast.Module, file string) []string {
	set := map[string]bool{}
	add := func(files []string) {
		for _, f := range files {
			set[f] = true
		}
	}
	note := func(ref ast.Ref) {
		if !ref.HasPrefix(ast.DefaultRootRef) {
			return
		}
		var parts []string
		for _, t := range ref[1:] {
			s, ok := t.Value.(ast.String)
			if !ok {
				break
			}
			parts = append(parts, string(s))
		}
		// A package the reference leads into (data.vigil.lib.iam.is_admin
		// is in vigil.lib.iam), or every package under the reference.
		for i := 1; i < len(parts); i++ {
			add(c.pkgs[strings.Join(parts[:i], ".")])
		}
		if len(parts) == 0 {
			for _, cm := range c.Modules {
				set[cm.File] = true
			}
			return
		}
		add(c.under[strings.Join(parts, ".")])
	}
	note(m.Package.Path)
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok {
			note(r)
		}
	}
	ast.WalkRefs(m, func(r ast.Ref) bool {
		note(r)
		return false
	})
	delete(set, file)
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// closure adds to set the modules files need, transitively, leaving out
// skip.
func (c *catalog) closure(set map[string]bool, files []string, skip map[string]bool) {
	for len(files) > 0 {
		f := files[len(files)-1]
		files = files[:len(files)-1]
		if set[f] || skip[f] {
			continue
		}
		cm := c.byFile[f]
		if cm == nil {
			continue
		}
		set[f] = true
		files = append(files, cm.Deps...)
	}
}

// parseModules parses the named modules, on every core.
func (c *catalog) parseModules(files []string) (map[string]*ast.Module, error) {
	out := make(map[string]*ast.Module, len(files))
	mods := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(files)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				mods[i], errs[i] = c.byFile[files[i]].module()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, f := range files {
		out[f] = mods[i]
	}
	return out, nil
}

// readsMetadata reports whether a module calls rego.metadata.*.
func readsMetadata(m *ast.Module) bool {
	found := false
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() && strings.HasPrefix(e.Operator().String(), "rego.metadata.") {
			found = true
		}
		return found
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if call, ok := t.Value.(ast.Call); ok && len(call) > 0 && strings.HasPrefix(call[0].String(), "rego.metadata.") {
			found = true
		}
		return found
	})
	return found
}
