// Package terraform evaluates Terraform configurations (HCL and JSON
// syntax) into resource instances: variables, locals, count, for_each,
// dynamic blocks, modules and functions are evaluated as Terraform would
// at plan time, and values that only apply would know stay unknown.
package terraform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/zclconf/go-cty/cty/function"
)

// Options are the inputs a terraform plan would get on its command line.
type Options struct {
	Vars        map[string]string // -var name=value
	VarFiles    []string          // -var-file paths
	MaxFileSize int64             // 0 = default 10 MiB; larger files are reported and skipped
	// Types, when set, is told the managed resource types the root
	// modules declare once their files are parsed, before they are
	// evaluated (modules they call are not yet read).
	Types func(types []string)
}

const (
	defaultMaxFileSize = 10 << 20
	maxModuleDepth     = 20
	maxInstances       = 10000   // per resource or module block, against runaway counts
	maxBlocks          = 2000000 // nested blocks evaluated per scan, against runaway nesting
)

type scanner struct {
	root          string
	opts          Options
	maxSize       int64
	modules       map[string]*moduleConfig // by absolute directory
	parsed        map[string]*parsed       // files parsed ahead, by absolute path
	sources       map[string][]byte        // file text by relative path
	trCache       map[hcl.Expression][]hcl.Traversal
	errs          []error
	warned        map[string]bool
	out           []*instance.Instance
	blocks        int
	work          int64  // evaluation work units spent on the current root module (see limits.go)
	workRoot      string // that root module's directory
	chain         int    // references being evaluated, one inside the other
	modInsts      int    // module instances created
	internal      map[string]function.Function
	base          map[string]function.Function            // guarded baseFuncs
	funcTables    map[string]map[string]function.Function // by root and module directory
	perFile       map[string]int                          // resource instances emitted, by file
	jsonTemplates map[jsonKey]*jsonTemplate               // strings of .tf.json files, parsed
	lineStarts    map[string][]int                        // by file, for jsonTemplates' positions
}

// Scan evaluates every Terraform root module among dirs (absolute
// directories containing .tf/.tf.json files). A dir is a root unless
// another dir in dirs calls it as a local module. File paths in instances
// and errors are relative to root. Problems are reported as *file.Error and
// never stop the scan.
func Scan(root string, dirs []string, opts Options) ([]*instance.Instance, []error) {
	s := newScanner(root, opts)
	var cand []string
	seen := map[string]bool{}
	for _, d := range dirs {
		d = filepath.Clean(d)
		if !filepath.IsAbs(d) {
			d = filepath.Join(s.root, d)
		}
		// Modules installed by terraform init are evaluated through their
		// callers, never as roots.
		if strings.Contains(filepath.ToSlash(d)+"/", "/.terraform/") {
			continue
		}
		if !seen[d] {
			seen[d] = true
			cand = append(cand, d)
		}
	}
	sort.Strings(cand)
	s.preparse(cand)
	called := map[string]bool{}
	for _, d := range cand {
		m := s.loadModule(d)
		for _, c := range m.calls {
			if isLocalSource(c.source) {
				if cd := filepath.Clean(filepath.Join(d, c.source)); cd != d {
					called[cd] = true
				}
			}
		}
	}
	if s.opts.Types != nil {
		s.opts.Types(declaredTypes(s.modules))
	}
	varFiles := s.loadVarFiles()
	for _, d := range cand {
		if called[d] {
			continue
		}
		m := s.modules[d]
		if len(m.files) == 0 {
			continue
		}
		s.work, s.workRoot = 0, d // each root module has its own work budget
		rs := newRootScope(s, m, varFiles)
		rs.emitAll()
	}
	return s.out, s.errs
}

func newScanner(root string, opts Options) *scanner {
	s := &scanner{root: root, opts: opts, maxSize: opts.MaxFileSize, modules: map[string]*moduleConfig{}, parsed: map[string]*parsed{}, sources: map[string][]byte{},
		trCache: map[hcl.Expression][]hcl.Traversal{}, warned: map[string]bool{}, perFile: map[string]int{},
		funcTables: map[string]map[string]function.Function{}, jsonTemplates: map[jsonKey]*jsonTemplate{}, lineStarts: map[string][]int{}}
	s.internal = s.internalFuncs()
	if s.maxSize <= 0 {
		s.maxSize = defaultMaxFileSize
	}
	if abs, err := filepath.Abs(root); err == nil {
		s.root = abs
	}
	return s
}

func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".."
}

// rel is path relative to the scan root, slash-separated.
func (s *scanner) rel(path string) string {
	r, err := filepath.Rel(s.root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}

// warnOnce reports a problem a single time per key.
func (s *scanner) warnOnce(key string, e *file.Error) {
	if s.warned[key] {
		return
	}
	s.warned[key] = true
	s.errs = append(s.errs, e)
}

// installedModules reads .terraform/modules/modules.json of a root module
// (or of the scan root), which maps module keys ("a.b") to the directories
// terraform init installed them in.
func (s *scanner) installedModules(rootDir string) map[string]string {
	out := map[string]string{}
	for _, base := range []string{s.root, rootDir} {
		data, err := os.ReadFile(filepath.Join(base, ".terraform", "modules", "modules.json"))
		if err != nil {
			continue
		}
		var doc struct {
			Modules []struct{ Key, Dir string }
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			s.errs = append(s.errs, file.Errorf(s.rel(filepath.Join(base, ".terraform", "modules", "modules.json")), 0, "invalid modules.json: %v", err))
			continue
		}
		for _, m := range doc.Modules {
			if m.Key == "" || m.Dir == "" {
				continue
			}
			dir := filepath.FromSlash(m.Dir)
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(base, dir)
			}
			out[m.Key] = filepath.Clean(dir)
		}
	}
	return out
}

// literalCtx evaluates expressions that may call no function (variable
// defaults, tfvars): it holds only the functions instrument inserts.
func (s *scanner) literalCtx() *hcl.EvalContext {
	return &hcl.EvalContext{Functions: s.internal}
}

// spend counts one evaluated nested block against the scan's budget; past
// it, blocks are skipped and the problem reported once.
func (s *scanner) spend(at hcl.Range) bool {
	s.blocks++
	if s.blocks <= maxBlocks {
		return true
	}
	s.warnOnce("budget", file.Errorf(at.Filename, at.Start.Line, "more than %d nested blocks; the rest are not evaluated", maxBlocks))
	return false
}

// declaredTypes lists the managed resource types the loaded modules
// declare, sorted.
func declaredTypes(modules map[string]*moduleConfig) []string {
	seen := map[string]bool{}
	for _, m := range modules {
		for _, r := range m.resources {
			if r.mode == "managed" {
				seen[r.typ] = true
			}
		}
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		types = append(types, t)
	}
	sort.Strings(types)
	return types
}
