package policy

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vigil-sec/vigil/model"
)

// The engine must know what each rule reads: a rule whose input is partly
// unknown (a value not known before apply, a setting a live scan could not
// read) may not pass, and may not fail on the strength of it. Rule authors
// forget to declare it, so the reads are derived from the Rego itself: every
// reference into input.attributes (and input.tags) in the rule's package and
// in the packages it uses, transitively. A path ends at the first part that
// is not a constant field name, so `input.attributes.ingress[_].cidr_blocks`
// reads `ingress`, and a bare `input.attributes` reads everything (""). The
// arguments of sprintf only shape a message and are not reads.

// tagsRead is the read of the resource's tags; model.Resource.Unknown uses
// the same name when tags could not be read.
const tagsRead = model.TagsPath

// packageReads derives, for every package, the attribute paths its rules
// read, including those of the packages it references.
func packageReads(modules map[string]*ast.Module) map[string][]string {
	own := map[string]map[string]bool{}
	deps := map[string]map[string]bool{}
	var pkgs []string
	for _, m := range modules {
		pkg := m.Package.Path.String()
		if own[pkg] == nil {
			own[pkg] = map[string]bool{}
			deps[pkg] = map[string]bool{}
			pkgs = append(pkgs, pkg)
		}
		collectReads(m, own[pkg], deps[pkg])
	}
	// A reference names a package, or a rule or function inside one.
	sort.Slice(pkgs, func(i, j int) bool { return len(pkgs[i]) > len(pkgs[j]) })
	pkgOf := func(ref string) string {
		for _, p := range pkgs {
			if ref == p || strings.HasPrefix(ref, p+".") {
				return p
			}
		}
		return ""
	}
	out := map[string][]string{}
	for _, pkg := range pkgs {
		all := map[string]bool{}
		seen := map[string]bool{}
		var walk func(p string)
		walk = func(p string) {
			if p == "" || seen[p] {
				return
			}
			seen[p] = true
			for r := range own[p] {
				all[r] = true
			}
			for d := range deps[p] {
				walk(pkgOf(d))
			}
		}
		walk(pkg)
		out[strings.TrimPrefix(pkg, "data.")] = minimalPaths(all)
	}
	return out
}

// collectReads adds the input paths one parsed module reads to reads, and
// the data references it makes to deps. It works on the module as written,
// not as compiled: the compiler hoists the arguments of calls into local
// variables, which would hide what object.get reads. Names bound to a part
// of input (`a := input.attributes`) are followed within their rule.
func collectReads(m *ast.Module, reads, deps map[string]bool) {
	imports := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		if ref, ok := imp.Path.Value.(ast.Ref); ok && (ref.HasPrefix(ast.DefaultRootRef) || ref.HasPrefix(ast.InputRootRef)) {
			imports[imp.Name()] = ref
		}
	}
	for _, rule := range m.Rules {
		aliases := map[ast.Var]ast.Ref{}
		// resolve replaces an imported or aliased name at the head of a
		// reference with the path it stands for.
		resolve := func(r ast.Ref) ast.Ref {
			if v, ok := r[0].Value.(ast.Var); ok {
				if base, ok := aliases[v]; ok {
					return base.Concat(r[1:])
				}
				if base, ok := imports[v]; ok {
					return base.Concat(r[1:])
				}
			}
			return r
		}
		// binding returns the alias an expression binds, if it does.
		binding := func(e *ast.Expr) (ast.Var, ast.Ref, bool) {
			if !e.IsAssignment() && !e.IsEquality() {
				return "", nil, false
			}
			terms := e.Terms.([]*ast.Term)
			v, ok := terms[1].Value.(ast.Var)
			ref, isRef := terms[2].Value.(ast.Ref)
			if !ok || !isRef {
				return "", nil, false
			}
			if ref = resolve(ref); !ref.HasPrefix(ast.InputRootRef) {
				return "", nil, false
			}
			return v, ref, true
		}
		ast.WalkExprs(rule, func(e *ast.Expr) bool {
			if v, ref, ok := binding(e); ok {
				aliases[v] = ref
			}
			return false
		})
		read := func(ref ast.Ref) {
			if p, ok := inputPath(ref, nil); ok {
				reads[p] = true
			}
		}
		var vis *ast.GenericVisitor
		vis = ast.NewGenericVisitor(func(x any) bool {
			switch v := x.(type) {
			case *ast.Annotations:
				return true // not evaluated
			case *ast.Expr:
				if _, _, ok := binding(v); ok {
					return true // the alias's uses say what is read
				}
				if v.IsCall() {
					return visitCall(v.Operator(), v.Operands(), reads, vis, resolve)
				}
			case ast.Call:
				return visitCall(v.Operator(), v.Operands(), reads, vis, resolve)
			case ast.Var:
				if ref, ok := aliases[v]; ok {
					read(ref) // the alias used whole
				}
			case ast.Ref:
				v = resolve(v)
				switch {
				case v.HasPrefix(ast.InputRootRef):
					read(v)
				case v.HasPrefix(ast.DefaultRootRef):
					deps[v.ConstantPrefix().String()] = true
				}
				// A reference's own terms (its head, variables used as
				// keys) are not reads of their own.
				return true
			}
			return false
		})
		vis.Walk(rule)
	}
}

// visitCall handles the calls whose arguments are not plain reads: the
// message arguments of sprintf, and object.get on input with a constant key.
// It reports whether the call's terms are done with.
func visitCall(op ast.Ref, args []*ast.Term, reads map[string]bool, vis *ast.GenericVisitor, resolve func(ast.Ref) ast.Ref) bool {
	switch op.String() {
	case "sprintf":
		// The format and its values only shape the message; a value that
		// also decides the verdict is read elsewhere in the rule.
		return true
	case "object.get":
		if len(args) < 2 {
			return false
		}
		ref, ok := args[0].Value.(ast.Ref)
		if !ok {
			return false
		}
		if ref = resolve(ref); !ref.HasPrefix(ast.InputRootRef) {
			return false
		}
		var key []*ast.Term
		switch k := args[1].Value.(type) {
		case ast.String:
			key = []*ast.Term{args[1]}
		case *ast.Array:
			k.Foreach(func(t *ast.Term) { key = append(key, t) })
		default:
			return false
		}
		if p, ok := inputPath(ref, key); ok {
			reads[p] = true
		}
		for _, a := range args[1:] {
			vis.Walk(a)
		}
		return true
	}
	return false
}

// inputPath turns a reference into input (followed by more constant keys)
// into the attribute path it reads: "" for the whole of input.attributes,
// model.TagsPath for input.tags, and false for the other top-level fields
// (id, kind, name ...), which every source fills.
func inputPath(ref ast.Ref, more []*ast.Term) (string, bool) {
	terms := append(append([]*ast.Term{}, ref[1:]...), more...)
	if len(terms) == 0 {
		return "", true // all of input
	}
	top, ok := terms[0].Value.(ast.String)
	if !ok {
		return "", true
	}
	switch string(top) {
	case "tags":
		return tagsRead, true
	case "attributes":
	default:
		return "", false
	}
	var parts []any
	for _, t := range terms[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		parts = append(parts, string(s))
	}
	return model.Path(parts...), true
}

// minimalPaths drops paths that lie below another path of the set: reading
// `versioning` covers `versioning.enabled`.
func minimalPaths(set map[string]bool) []string {
	if set[""] {
		return []string{""}
	}
	var out []string
	for p := range set {
		covered := false
		for q := range set {
			if q != p && model.PathWithin(p, q) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// mergeReads joins a rule's declared reads with the derived ones.
func mergeReads(declared, derived []string) []string {
	set := map[string]bool{}
	for _, p := range declared {
		set[p] = true
	}
	for _, p := range derived {
		set[p] = true
	}
	if len(set) == 0 {
		return nil
	}
	return minimalPaths(set)
}
