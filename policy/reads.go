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

// packageReads derives, for every package, the attribute paths its rules
// read, including those of the packages it references.
func packageReads(modules map[string]*ast.Module) map[string][]string {
	a := newReadAnalysis(modules)
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
		for _, rule := range m.Rules {
			a.rule(m, rule, nil, own[pkg], deps[pkg], 0)
		}
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

// readAnalysis finds what rules read in parsed modules. It works on the
// modules as written, not as compiled: the compiler hoists the arguments
// of calls into local variables, which would hide what object.get reads.
type readAnalysis struct {
	// funcs are the function definitions by full path (data.pkg.name),
	// with the module each is written in.
	funcs map[string][]funcDef
}

type funcDef struct {
	m    *ast.Module
	rule *ast.Rule
}

// maxCallDepth bounds following arguments into functions (Rego forbids
// recursion; this only guards the analysis).
const maxCallDepth = 8

func newReadAnalysis(modules map[string]*ast.Module) *readAnalysis {
	a := &readAnalysis{funcs: map[string][]funcDef{}}
	for _, m := range modules {
		for _, r := range m.Rules {
			if len(r.Head.Args) > 0 {
				name := m.Package.Path.String() + "." + r.Head.Ref().String()
				a.funcs[name] = append(a.funcs[name], funcDef{m, r})
			}
		}
	}
	return a
}

// rule adds what one rule (or function body, with its parameters bound to
// parts of input in params) reads to reads, and the data references it
// makes to deps. Names bound to a part of input (`a := input.attributes`)
// are followed; a part of input passed to a function of the policies is
// followed into the function's body.
func (a *readAnalysis) rule(m *ast.Module, rule *ast.Rule, params map[ast.Var]ast.Ref, reads, deps map[string]bool, depth int) {
	imports := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		if ref, ok := imp.Path.Value.(ast.Ref); ok && (ref.HasPrefix(ast.DefaultRootRef) || ref.HasPrefix(ast.InputRootRef)) {
			imports[imp.Name()] = ref
		}
	}
	aliases := map[ast.Var]ast.Ref{}
	for v, r := range params {
		aliases[v] = r
	}
	// resolve replaces an aliased or imported name at the head of a
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
	// inputTerm is the part of input a term stands for, if it does.
	inputTerm := func(t *ast.Term) (ast.Ref, bool) {
		switch v := t.Value.(type) {
		case ast.Var:
			r, ok := aliases[v]
			return r, ok
		case ast.Ref:
			r := resolve(v)
			return r, r.HasPrefix(ast.InputRootRef)
		}
		return nil, false
	}
	// binding returns the alias an expression binds, if it does.
	binding := func(e *ast.Expr) (ast.Var, ast.Ref, bool) {
		if !e.IsAssignment() && !e.IsEquality() {
			return "", nil, false
		}
		terms := e.Terms.([]*ast.Term)
		v, ok := terms[1].Value.(ast.Var)
		if !ok {
			return "", nil, false
		}
		ref, ok := inputTerm(terms[2])
		return v, ref, ok
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
	// call handles the calls whose arguments are not plain reads. It
	// reports whether the call's terms are done with.
	call := func(op ast.Ref, args []*ast.Term) bool {
		switch op.String() {
		case "sprintf":
			// The format and its values only shape the message; a value
			// that also decides the verdict is read elsewhere.
			return true
		case "object.get":
			base, ok := inputTerm(args[0])
			if len(args) < 2 || !ok {
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
			if p, ok := inputPath(base, key); ok {
				reads[p] = true
			}
			for _, t := range args[1:] {
				vis.Walk(t)
			}
			return true
		}
		// A function of the policies: follow the parts of input passed
		// to it into its body.
		name := resolve(op).String()
		if !strings.HasPrefix(name, "data.") {
			name = m.Package.Path.String() + "." + name
		}
		defs := a.funcs[name]
		if len(defs) == 0 || depth >= maxCallDepth {
			return false
		}
		bound := false
		for _, d := range defs {
			ps := map[ast.Var]ast.Ref{}
			for i, p := range d.rule.Head.Args {
				v, isVar := p.Value.(ast.Var)
				if i >= len(args) || !isVar {
					continue
				}
				if ref, ok := inputTerm(args[i]); ok {
					ps[v] = ref
					bound = true
				}
			}
			a.rule(d.m, d.rule, ps, reads, deps, depth+1)
		}
		if !bound {
			return false
		}
		for _, t := range args {
			if _, ok := inputTerm(t); !ok {
				vis.Walk(t)
			}
		}
		deps[name] = true
		return true
	}
	vis = ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Annotations:
			return true // not evaluated
		case *ast.Expr:
			if _, _, ok := binding(v); ok {
				return true // the alias's uses say what is read
			}
			if v.IsCall() {
				return call(v.Operator(), v.Operands())
			}
		case ast.Call:
			return call(v.Operator(), v.Operands())
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
	if depth > 0 {
		// A function body: its head's arguments are the parameters.
		vis.Walk(rule.Body)
		if rule.Head.Value != nil {
			vis.Walk(rule.Head.Value)
		}
		for e := rule.Else; e != nil; e = e.Else {
			vis.Walk(e.Body)
			if e.Head.Value != nil {
				vis.Walk(e.Head.Value)
			}
		}
		return
	}
	vis.Walk(rule)
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
		return model.TagsPath, true
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
