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

// The same holds for what a rule reads of other resources through
// data.inventory: `data.inventory.kinds["aws.logs.log_group"][id].attributes.metric_filters`
// reads metric_filters of log groups, through the same aliases (including
// `some lg in data.inventory.kinds[...]`) and function arguments. A read
// whose kind is not a constant (data.inventory.resources[id]) reads that
// path of every kind (AnyKind).

// pkgReads is what one package's rules read.
type pkgReads struct {
	attrs []string
	// related maps a kind (or AnyKind) to the attribute paths read of
	// resources of that kind in the inventory.
	related map[string][]string
	// inventory is set when the package refers to data.inventory at all.
	inventory bool
}

// reads collects what rules read while walking them.
type reads struct {
	own       map[string]bool
	related   map[string]map[string]bool
	deps      map[string]bool
	inventory bool
}

func newReads() *reads {
	return &reads{own: map[string]bool{}, related: map[string]map[string]bool{}, deps: map[string]bool{}}
}

func (r *reads) relate(kind, path string) {
	r.relateKind(kind)
	r.related[kind][path] = true
}

// relateKind records that the rule depends on which resources of kind
// exist, if on none of their attributes.
func (r *reads) relateKind(kind string) {
	if r.related[kind] == nil {
		r.related[kind] = map[string]bool{}
	}
}

// packageReads derives, for every package, the attribute paths its rules
// read, including those of the packages it references.
func packageReads(modules map[string]*ast.Module) map[string]pkgReads {
	a := newReadAnalysis(modules)
	byPkg := map[string]*reads{}
	var pkgs []string
	for _, m := range modules {
		pkg := m.Package.Path.String()
		if byPkg[pkg] == nil {
			byPkg[pkg] = newReads()
			pkgs = append(pkgs, pkg)
		}
		for _, rule := range m.Rules {
			a.rule(m, rule, nil, byPkg[pkg], 0)
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
	out := map[string]pkgReads{}
	for _, pkg := range pkgs {
		all := newReads()
		seen := map[string]bool{}
		var walk func(p string)
		walk = func(p string) {
			if p == "" || seen[p] {
				return
			}
			seen[p] = true
			rd := byPkg[p]
			for r := range rd.own {
				all.own[r] = true
			}
			for k, ps := range rd.related {
				all.relateKind(k)
				for p := range ps {
					all.relate(k, p)
				}
			}
			all.inventory = all.inventory || rd.inventory
			for d := range rd.deps {
				walk(pkgOf(d))
			}
		}
		walk(pkg)
		pr := pkgReads{attrs: minimalPaths(all.own), inventory: all.inventory}
		if len(all.related) > 0 {
			pr.related = map[string][]string{}
			for k, ps := range all.related {
				pr.related[k] = minimalPaths(ps)
			}
		}
		out[strings.TrimPrefix(pkg, "data.")] = pr
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
	// refRules are rules that name a part of input or of the inventory
	// (`key := data.inventory.kinds["aws.kms.key"][input.attributes.kms_key_id]`),
	// by full path: their uses are reads of what they name.
	refRules map[string]ast.Ref
}

type funcDef struct {
	m    *ast.Module
	rule *ast.Rule
}

// maxCallDepth bounds following arguments into functions (Rego forbids
// recursion; this only guards the analysis).
const maxCallDepth = 8

func newReadAnalysis(modules map[string]*ast.Module) *readAnalysis {
	a := &readAnalysis{funcs: map[string][]funcDef{}, refRules: map[string]ast.Ref{}}
	for _, m := range modules {
		for _, r := range m.Rules {
			name := m.Package.Path.String() + "." + r.Head.Ref().String()
			if len(r.Head.Args) > 0 {
				a.funcs[name] = append(a.funcs[name], funcDef{m, r})
				continue
			}
			if ref := refRuleValue(r); ref != nil {
				a.refRules[name] = ref
			}
		}
	}
	return a
}

// refRuleValue is the reference into input or the inventory that a
// complete rule's value is, if it is one.
func refRuleValue(r *ast.Rule) ast.Ref {
	if r.Head.Value == nil || r.Else != nil || len(r.Head.Ref()) != 1 {
		return nil
	}
	ref, ok := r.Head.Value.Value.(ast.Ref)
	if !ok || !(ref.HasPrefix(ast.InputRootRef) || ref.HasPrefix(inventoryRef)) {
		return nil
	}
	return ref
}

// rule adds what one rule (or function body, with its parameters bound to
// parts of input in params) reads to reads, and the data references it
// makes to deps. Names bound to a part of input (`a := input.attributes`)
// are followed; a part of input passed to a function of the policies is
// followed into the function's body.
func (a *readAnalysis) rule(m *ast.Module, rule *ast.Rule, params map[ast.Var]ast.Ref, rd *reads, depth int) {
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
				r = base.Concat(r[1:])
			} else if base, ok := a.refRules[m.Package.Path.String()+"."+string(v)]; ok {
				return base.Concat(r[1:])
			}
		}
		if r.HasPrefix(ast.DefaultRootRef) {
			for n := len(r); n > 2; n-- {
				if base, ok := a.refRules[r[:n].String()]; ok {
					return base.Concat(r[n:])
				}
			}
		}
		return r
	}
	// inputTerm is the part of input (or of data.inventory) a term stands
	// for, if it does.
	inputTerm := func(t *ast.Term) (ast.Ref, bool) {
		switch v := t.Value.(type) {
		case ast.Var:
			if r, ok := aliases[v]; ok {
				return r, true
			}
			r, ok := a.refRules[m.Package.Path.String()+"."+string(v)]
			return r, ok
		case ast.Ref:
			r := resolve(v)
			return r, r.HasPrefix(ast.InputRootRef) || r.HasPrefix(inventoryRef)
		}
		return nil, false
	}
	// binding returns the alias an expression binds, if it does: `x :=
	// ref`, `x = ref`, and `some x in ref` / `some k, x in ref` (x stands
	// for an element of ref).
	binding := func(e *ast.Expr) (ast.Var, ast.Ref, bool) {
		if sd, ok := e.Terms.(*ast.SomeDecl); ok {
			if len(sd.Symbols) != 1 {
				return "", nil, false
			}
			c, ok := sd.Symbols[0].Value.(ast.Call)
			if !ok || len(c) < 3 {
				return "", nil, false
			}
			v, ok := c[len(c)-2].Value.(ast.Var)
			if !ok {
				return "", nil, false
			}
			ref, ok := inputTerm(c[len(c)-1])
			if !ok {
				return "", nil, false
			}
			return v, ref.Append(ast.VarTerm("_")), true
		}
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
		if ref.HasPrefix(inventoryRef) {
			rd.inventory = true
			if kind, p, ok := relatedPath(ref); ok {
				rd.relate(kind, p)
			} else if kind := relatedKind(ref); kind != "" {
				rd.relateKind(kind) // kinds[K][id].id: which resources exist
			}
			return
		}
		if p, ok := inputPath(ref, nil); ok {
			rd.own[p] = true
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
			read(base.Concat(key))
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
			a.rule(d.m, d.rule, ps, rd, depth+1)
		}
		if !bound {
			return false
		}
		for _, t := range args {
			if _, ok := inputTerm(t); !ok {
				vis.Walk(t)
			}
		}
		rd.deps[name] = true
		return true
	}
	vis = ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Annotations:
			return true // not evaluated
		case *ast.Expr:
			if _, ref, ok := binding(v); ok {
				if _, isSome := v.Terms.(*ast.SomeDecl); isSome {
					// The collection is read too: whether it has elements
					// decides. Of the inventory that is the kind's listing,
					// not an attribute.
					base := ref[:len(ref)-1]
					if base.HasPrefix(inventoryRef) {
						rd.inventory = true
						if kind, _, ok := relatedPath(base); ok {
							rd.relateKind(kind)
						}
					} else {
						read(base)
					}
				}
				return true // the alias's uses say what is read
			}
			if v.IsCall() {
				return call(v.Operator(), v.Operands())
			}
			// `key` or `not key` where key names a related resource: a
			// check that it exists, not a read of its attributes.
			if t, ok := v.Terms.(*ast.Term); ok {
				if ref, ok := inputTerm(t); ok && ref.HasPrefix(inventoryRef) {
					if _, isVar := t.Value.(ast.Var); isVar {
						rd.inventory = true
						if kind := relatedKind(ref); kind != "" {
							rd.relateKind(kind)
						}
						return true
					}
				}
			}
		case ast.Call:
			return call(v.Operator(), v.Operands())
		case ast.Var:
			if ref, ok := aliases[v]; ok {
				read(ref) // the alias used whole
			} else if ref, ok := a.refRules[m.Package.Path.String()+"."+string(v)]; ok {
				read(ref) // a rule naming a part of input or the inventory
			}
		case ast.Ref:
			v = resolve(v)
			switch {
			case v.HasPrefix(ast.InputRootRef), v.HasPrefix(inventoryRef):
				read(v)
			case v.HasPrefix(ast.DefaultRootRef):
				rd.deps[v.ConstantPrefix().String()] = true
			}
			// A key that is itself a reference (kinds[K][input.attributes.x])
			// is read.
			for _, t := range v[1:] {
				switch t.Value.(type) {
				case ast.Ref, ast.Call:
					vis.Walk(t)
				}
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
	if ref := refRuleValue(rule); ref != nil {
		// Its uses read what it names; its own keys are reads.
		vis.Walk(rule.Body)
		for _, t := range ref[1:] {
			vis.Walk(t)
		}
		return
	}
	vis.Walk(rule)
}

// inventoryRef is data.inventory, where rules find related resources.
var inventoryRef = ast.MustParseRef("data.inventory")

// relatedPath turns a reference into data.inventory into the kind and the
// attribute path it reads. kinds[K][id] reads the resource of kind K
// whole ("" reads everything), kinds[K][id].attributes.a.b reads a.b,
// .tags the tags; the top-level fields (id, kind, name, relations ...)
// are not attribute reads. inbound holds only relations: no read.
func relatedPath(ref ast.Ref) (kind, path string, ok bool) {
	rest := withinAccount(ref[len(inventoryRef):])
	if len(rest) == 0 {
		return AnyKind, "", true
	}
	section, _ := rest[0].Value.(ast.String)
	switch string(section) {
	case "kinds":
		if len(rest) < 2 {
			return AnyKind, "", true
		}
		kind = AnyKind
		if k, isStr := rest[1].Value.(ast.String); isStr {
			kind = string(k)
		}
		rest = rest[2:]
	case "resources":
		kind = AnyKind
		rest = rest[1:]
	default:
		return "", "", false
	}
	if len(rest) <= 1 {
		return kind, "", true // a whole resource, or all of the kind
	}
	// rest[0] is the resource id; what follows is a path into the resource.
	p, isAttr := inputPath(append(ast.Ref{ast.InputRootDocument}, rest[1:]...), nil)
	if !isAttr {
		return "", "", false
	}
	return kind, p, true
}

// withinAccount reads accounts[A].kinds[K]... as kinds[K]...; accounts[A]
// alone stands for all of the account (every kind).
func withinAccount(rest ast.Ref) ast.Ref {
	if len(rest) == 0 {
		return rest
	}
	if s, _ := rest[0].Value.(ast.String); s != "accounts" {
		return rest
	}
	if len(rest) <= 2 {
		return nil // the whole of an account, or of all accounts
	}
	return rest[2:]
}

// relatedKind is the kind a reference into data.inventory looks up, ""
// for none (inbound holds relations only).
func relatedKind(ref ast.Ref) string {
	rest := withinAccount(ref[len(inventoryRef):])
	if len(rest) == 0 {
		return AnyKind
	}
	switch section, _ := rest[0].Value.(ast.String); string(section) {
	case "kinds":
		if len(rest) >= 2 {
			if k, ok := rest[1].Value.(ast.String); ok {
				return string(k)
			}
		}
		return AnyKind
	case "resources":
		return AnyKind
	}
	return ""
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

// mergeRelated joins declared related reads with the derived ones.
func mergeRelated(declared, derived map[string][]string) map[string][]string {
	if len(declared) == 0 && len(derived) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, m := range []map[string][]string{declared, derived} {
		for k, ps := range m {
			out[k] = mergeReads(out[k], ps)
		}
	}
	return out
}
