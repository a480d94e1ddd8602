package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vigil-sec/vigil/model"
)

// Options select and adjust the rules an engine runs.
type Options struct {
	// Dirs are directories of custom rules, laid out like the built-in
	// ones (<provider>/<service>/<rule>.rego; testdata/ is skipped).
	Dirs []string
	// NoBuiltin leaves out the embedded rules.
	NoBuiltin bool
	// Disabled rule ids do not run.
	Disabled []string
	// Severities re-rate rules by id.
	Severities map[string]model.Severity
	// Sandbox confines what rules may call, and how long and how much
	// memory a custom rule may take.
	Sandbox Sandbox
}

// builtinPrefix marks the file names of embedded rules.
const builtinPrefix = "builtin:"

type source struct {
	file    string
	text    string
	builtin bool
}

// loadSources reads the built-in and custom .rego files.
func loadSources(opts Options) ([]source, error) {
	var out []source
	if !opts.NoBuiltin {
		b, err := builtinSources()
		if err != nil {
			return nil, err
		}
		out = b
	}
	custom, err := customSources(opts)
	if err != nil {
		return nil, err
	}
	return append(out, custom...), nil
}

// customSources reads the .rego files of opts.Dirs.
func customSources(opts Options) ([]source, error) {
	var out []source
	for _, dir := range opts.Dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("policy directory: %w", err)
		}
		if !info.IsDir() {
			if strings.HasSuffix(dir, ".rego") {
				b, err := os.ReadFile(dir)
				if err != nil {
					return nil, err
				}
				out = append(out, source{file: dir, text: string(b)})
				continue
			}
			return nil, fmt.Errorf("policy directory %s is not a directory", dir)
		}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("policy directory: %w", err)
			}
			if d.IsDir() {
				if p != dir && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, source{file: p, text: string(b)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

type parsedSource struct {
	source
	m *ast.Module
}

// parseSources parses sources with their annotations.
func parseSources(srcs []source) ([]parsedSource, []error) {
	var all []parsedSource
	var errs []error
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	for _, s := range srcs {
		m, err := ast.ParseModuleWithOpts(s.file, s.text, popts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if pkg := pkgPath(m); pkg == "inventory" || strings.HasPrefix(pkg, "inventory.") {
			// data.inventory is the scan's resources, answered by the engine.
			errs = append(errs, fmt.Errorf("%s:%d: package %s: data.inventory is reserved for the scanned resources", s.file, m.Package.Location.Row, pkg))
			continue
		}
		all = append(all, parsedSource{s, m})
	}
	return all, errs
}

// ruleSet is what an engine runs: the built-in modules it may compile
// (from their catalog) and the custom ones, parsed.
type ruleSet struct {
	cat *catalog
	// custom modules by file; always compiled.
	custom map[string]*ast.Module
	// skip are the built-in modules custom rules replaced.
	skip  map[string]bool
	rules []*Rule // by id
}

// resolve merges the built-in catalog with parsed custom sources. A custom
// rule with the id of a built-in one replaces it; two custom rules with
// one id are an error.
func resolve(cat *catalog, srcs []source) (*ruleSet, error) {
	parsed, errs := parseSources(srcs)
	rs := &ruleSet{cat: cat, custom: map[string]*ast.Module{}, skip: map[string]bool{}}
	byID := map[string]*Rule{}
	for _, cm := range cat.Modules {
		if cm.Rule != nil {
			r := *cm.Rule
			byID[r.ID] = &r
		}
	}
	for _, p := range parsed {
		r, err := ruleFromModule(p.file, p.m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		overridden := ""
		if prev, ok := byID[idOf(r)]; ok && prev.Builtin {
			overridden = prev.File
		}
		if err := outsideBuiltinPackages(p.file, p.m, cat.pkgs, overridden); err != nil {
			errs = append(errs, err)
			continue
		}
		rs.custom[p.file] = p.m
		if r == nil {
			continue
		}
		r.Source = p.text
		if prev, ok := byID[r.ID]; ok {
			if prev.Builtin {
				rs.skip[prev.File] = true // the user's rule overrides the built-in one
			} else {
				delete(rs.custom, p.file)
				errs = append(errs, fmt.Errorf("%s: rule id %s is already defined in %s", p.file, r.ID, prev.File))
				continue
			}
		}
		byID[r.ID] = r
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	rs.rules = make([]*Rule, 0, len(byID))
	for _, r := range byID {
		rs.rules = append(rs.rules, r)
	}
	sort.Slice(rs.rules, func(i, j int) bool { return rs.rules[i].ID < rs.rules[j].ID })
	return rs, nil
}

func idOf(r *Rule) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// outsideBuiltinPackages keeps a custom module out of the built-in rules'
// packages: Rego merges the rules of one package across modules, so a
// custom module there could add to a built-in rule's deny set or to a
// helper it calls, and the built-in rules, which run outside the sandbox's
// time and memory bounds, would run custom code. The one exception is the
// package of the built-in rule a custom rule replaces by id.
func outsideBuiltinPackages(file string, m *ast.Module, builtinPkgs map[string][]string, overridden string) error {
	pkg := pkgPath(m)
	for bp, files := range builtinPkgs {
		if pkg != bp && !strings.HasPrefix(pkg, bp+".") && !strings.HasPrefix(bp, pkg+".") {
			continue
		}
		for _, f := range files {
			if f != overridden {
				return fmt.Errorf("%s:%d: package %s overlaps the built-in package %s (%s); "+
					"custom rules and helpers need packages of their own (e.g. acme.s3.owner), "+
					"or the id of the built-in rule they replace", file, m.Package.Location.Row, pkg, bp, f)
			}
		}
	}
	return nil
}
