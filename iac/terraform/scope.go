package terraform

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

var ctyString = cty.String

// scope is one module instance being evaluated. Everything in it is
// evaluated lazily on first use and memoized, so evaluation follows the
// dependency order whatever the order of declaration; a value met again
// while it is being computed (a cycle) is unknown.
type scope struct {
	s          *scanner
	cfg        *moduleConfig
	modPath    string // module.a.module.b ("" for the root): Instance.Module
	addrPrefix string // module.a[0].module.b. : prefix of addresses
	keyPath    string // a.b : key in modules.json
	depth      int
	rootDir    string
	ancestors  map[string]bool
	installed  map[string]string

	rootVars   map[string]cty.Value // root module: values given by tfvars and -var
	parent     *scope               // child module: where its inputs are evaluated
	parentIter *iter
	inputs     hcl.Attributes

	vars      map[string]*lazy
	locals    map[string]*lazy
	outputs   map[string]*lazy
	resources map[string]*resState
	calls     map[string]*callState
	funcs     map[string]function.Function
	pathVal   cty.Value
	refCache  map[string][]string // local name -> resource addresses it reads
	refBusy   map[string]bool
}

type lazy struct {
	state int // 0 new, 1 computing, 2 done
	val   cty.Value
}

// iter holds count.index or each.key/each.value of one instance.
type iter struct {
	count            cty.Value
	eachKey, eachVal cty.Value
}

func newRootScope(s *scanner, m *moduleConfig, global []varSource) *scope {
	sc := newScope(s, m)
	sc.rootDir = m.dir
	sc.ancestors = map[string]bool{m.dir: true}
	sc.installed = s.installedModules(m.dir)
	sc.rootVars = s.rootVarValues(m, global)
	sc.finish()
	return sc
}

func newScope(s *scanner, m *moduleConfig) *scope {
	return &scope{s: s, cfg: m, vars: map[string]*lazy{}, locals: map[string]*lazy{}, outputs: map[string]*lazy{},
		resources: map[string]*resState{}, calls: map[string]*callState{}, refCache: map[string][]string{}, refBusy: map[string]bool{}}
}

func (sc *scope) finish() {
	sc.funcs = sc.s.functions(sc.rootDir, sc.cfg.dir)
	mod, err := filepath.Rel(sc.rootDir, sc.cfg.dir)
	if err != nil {
		mod = sc.cfg.dir
	}
	sc.pathVal = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(filepath.ToSlash(mod)), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
	})
}

// emitAll evaluates every resource of this module instance and its
// children, in declaration order, and appends the instances to the output.
func (sc *scope) emitAll() {
	for _, d := range sc.cfg.resources {
		rs := sc.resource(d.addr)
		for _, ri := range rs.insts {
			sc.s.out = append(sc.s.out, ri.inst)
		}
	}
	for _, c := range sc.cfg.calls {
		cs := sc.call(c.name)
		for _, ch := range cs.children {
			ch.emitAll()
		}
	}
}

// eval evaluates expr in ctx. Errors make the value unknown: at plan time
// most of them stem from values we cannot know (attributes computed by the
// provider, data sources), and a scan must not stop on them. A value over
// the evaluation bounds (limits.go) is unknown too, and reported.
func (sc *scope) eval(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value) {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	defer func() {
		if r := recover(); r != nil {
			v = cty.DynamicVal
		}
	}()
	var diags hcl.Diagnostics
	if _, native := expr.(hclsyntax.Expression); native {
		v, diags = expr.Value(ctx)
	} else {
		v, diags = sc.jsonValue(expr, ctx)
	}
	if diags.HasErrors() {
		if d, le, ok := limitFrom(diags); ok {
			sc.s.warnLimit(d.Subject, le)
			return cty.DynamicVal
		}
		for _, d := range diags {
			if d.Summary == "Call to unknown function" && d.Subject != nil {
				name := "?"
				if fc, ok := d.Expression.(*hclsyntax.FunctionCallExpr); ok {
					name = fc.Name
				}
				sc.s.warnOnce("fn:"+d.Subject.Filename+":"+name, file.Errorf(d.Subject.Filename, d.Subject.Start.Line,
					"unsupported function %q; the expression is treated as unknown", name))
			}
		}
		return cty.DynamicVal
	}
	if v == cty.NilVal {
		return cty.DynamicVal
	}
	if err := checkValue(v); err != nil {
		r := expr.Range()
		sc.s.warnLimit(&r, err.(limitError))
		return cty.DynamicVal
	}
	return v
}

// warnLimit reports a bound hit, once per place; the work budget, once.
func (s *scanner) warnLimit(at *hcl.Range, le limitError) {
	if at == nil {
		at = &hcl.Range{}
	}
	if le == errWork {
		s.warnOnce("limit:work:"+s.workRoot, file.Errorf(at.Filename, at.Start.Line, "%s", le))
		return
	}
	s.warnOnce("limit:"+at.Filename+":"+strconv.Itoa(at.Start.Line), file.Errorf(at.Filename, at.Start.Line, "%s; treated as unknown", le))
}

// evalIn evaluates expr with a context holding what it reads.
func (sc *scope) evalIn(expr hcl.Expression, it *iter) cty.Value {
	return sc.eval(expr, sc.ctxFor(sc.s.traversals(expr), it))
}

// variable returns var.name.
func (sc *scope) variable(name string) cty.Value {
	lv := sc.vars[name]
	if lv == nil {
		lv = &lazy{}
		sc.vars[name] = lv
	}
	switch lv.state {
	case 1:
		return cty.DynamicVal
	case 2:
		return lv.val
	}
	lv.state = 1
	var at hcl.Range
	if d := sc.cfg.variables[name]; d != nil && d.declared != nil {
		at = *d.declared
	}
	if sc.s.enter(at) {
		lv.val = sc.computeVariable(name)
		sc.s.chain--
	} else {
		lv.val = cty.DynamicVal
	}
	lv.state = 2
	return lv.val
}

func (sc *scope) computeVariable(name string) cty.Value {
	decl := sc.cfg.variables[name]
	if decl == nil {
		return cty.DynamicVal
	}
	var v cty.Value
	given := false
	if sc.parent != nil {
		if a := sc.inputs[name]; a != nil {
			v = sc.parent.evalIn(a.Expr, sc.parentIter)
			given = true
		}
	} else if rv, ok := sc.rootVars[name]; ok {
		v, given = rv, true
	}
	if !given || (v.IsKnown() && v.IsNull() && decl.def != nil) {
		if decl.def == nil {
			return cty.DynamicVal
		}
		d, diags := decl.def.Value(sc.s.literalCtx())
		if diags.HasErrors() {
			return cty.DynamicVal
		}
		v = d
	}
	return convertToDeclared(decl, v)
}

// convertToDeclared applies the variable's type constraint (and optional
// attribute defaults) as Terraform does; a value that does not convert is
// kept as given.
func convertToDeclared(decl *variableDecl, v cty.Value) cty.Value {
	if decl.typ == nil || v.IsNull() {
		return v
	}
	ty, defs, diags := typeConstraint(decl.typ)
	if diags.HasErrors() {
		return v
	}
	if defs != nil && v.IsWhollyKnown() {
		v = defs.Apply(v)
	}
	if c, err := fastConvert(v, ty); err == nil {
		return c
	}
	return v
}

// local returns local.name.
func (sc *scope) local(name string) cty.Value {
	return sc.memo(sc.locals, name, sc.cfg.locals[name])
}

// output returns the value of one output of this module instance.
func (sc *scope) output(name string) cty.Value {
	return sc.memo(sc.outputs, name, sc.cfg.outputs[name])
}

// memo evaluates a named expression once per scope. A name whose
// evaluation refers back to itself (a cycle) is unknown, not a crash.
func (sc *scope) memo(cache map[string]*lazy, name string, a *hcl.Attribute) cty.Value {
	if a == nil {
		return cty.DynamicVal
	}
	lv := cache[name]
	if lv == nil {
		lv = &lazy{}
		cache[name] = lv
	}
	switch lv.state {
	case 1:
		return cty.DynamicVal
	case 2:
		return lv.val
	}
	lv.state = 1
	if sc.s.enter(a.Range) {
		lv.val = sc.evalIn(a.Expr, nil)
		sc.s.chain--
	} else {
		lv.val = cty.DynamicVal
	}
	lv.state = 2
	return lv.val
}

// enter starts evaluating a named value (variable, local, output,
// resource, module) that other values read. Each one evaluates the values
// it reads inside itself, so a chain of them recurses; past maxRefChain
// links it is refused (and reported) before the Go stack runs out. The
// caller decrements s.chain when enter returned true.
func (s *scanner) enter(at hcl.Range) bool {
	if s.chain >= maxRefChain {
		s.warnOnce("chain", file.Errorf(at.Filename, at.Start.Line,
			"references chain more than %d deep (a value reading a value reading ...); the rest of the chain is treated as unknown", maxRefChain))
		return false
	}
	s.chain++
	return true
}

// expansion is how a resource or module block repeats.
type expansion struct {
	mode  int // 0 single, 1 count, 2 for_each
	keys  []any
	iters []*iter
}

// expand evaluates count or for_each. An unknown count or for_each gives
// one instance without a key (count.index 0, each unknown), so the block
// is still judged.
func (sc *scope) expand(count, forEach hcl.Expression, where hcl.Range) expansion {
	switch {
	case count != nil:
		v := sc.evalIn(count, nil)
		if !v.IsWhollyKnown() || v.IsNull() {
			return expansion{keys: []any{nil}, iters: []*iter{{count: cty.NumberIntVal(0)}}}
		}
		n, err := convert.Convert(v, cty.Number)
		if err != nil {
			return expansion{keys: []any{nil}, iters: []*iter{{count: cty.NumberIntVal(0)}}}
		}
		f, _ := n.AsBigFloat().Int64()
		if f > maxInstances {
			sc.s.errs = append(sc.s.errs, file.Errorf(where.Filename, where.Start.Line, "count %d exceeds %d; only the first %d instances are evaluated", f, maxInstances, maxInstances))
			f = maxInstances
		}
		e := expansion{mode: 1}
		for i := int64(0); i < f; i++ {
			e.keys = append(e.keys, int(i))
			e.iters = append(e.iters, &iter{count: cty.NumberIntVal(i)})
		}
		return e
	case forEach != nil:
		v := sc.evalIn(forEach, nil)
		unknown := expansion{keys: []any{nil}, iters: []*iter{{eachKey: cty.UnknownVal(cty.String), eachVal: cty.DynamicVal}}}
		v, _ = v.UnmarkDeep()
		if !v.IsKnown() {
			return unknown
		}
		if v.IsNull() {
			return expansion{mode: 2}
		}
		ty := v.Type()
		e := expansion{mode: 2}
		if !v.CanIterateElements() {
			return unknown
		}
		// Only the first maxInstances elements are read: a huge
		// collection costs its length check, not a walk.
		if n := v.LengthInt(); n > maxInstances {
			sc.s.errs = append(sc.s.errs, file.Errorf(where.Filename, where.Start.Line, "for_each over %d elements exceeds %d; only the first %d are evaluated", n, maxInstances, maxInstances))
		}
		switch {
		case ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next() && len(e.keys) < maxInstances; {
				k, ev := it.Element()
				e.keys = append(e.keys, k.AsString())
				e.iters = append(e.iters, &iter{eachKey: k, eachVal: ev})
			}
		case ty.IsSetType() || ty.IsListType() || ty.IsTupleType():
			for it := v.ElementIterator(); it.Next() && len(e.keys) < maxInstances; {
				_, ev := it.Element()
				if !ev.IsKnown() {
					return unknown
				}
				sv, err := convert.Convert(ev, cty.String)
				if err != nil || sv.IsNull() || !sv.IsKnown() {
					return unknown
				}
				e.keys = append(e.keys, sv.AsString())
				e.iters = append(e.iters, &iter{eachKey: sv, eachVal: ev})
			}
		default:
			return unknown
		}
		return e
	}
	return expansion{keys: []any{nil}, iters: []*iter{nil}}
}

// keySuffix is the address suffix of an instance key.
func keySuffix(k any) string {
	switch k := k.(type) {
	case int:
		return fmt.Sprintf("[%d]", k)
	case string:
		return fmt.Sprintf("[%q]", k)
	}
	return ""
}

// composite assembles per-instance values the way Terraform exposes a
// repeated block: a tuple for count, an object for for_each.
func composite(e expansion, vals []cty.Value) cty.Value {
	switch e.mode {
	case 1:
		if len(vals) == 0 {
			return cty.EmptyTupleVal
		}
		if e.keys[0] == nil { // unknown count
			return cty.DynamicVal
		}
		return cty.TupleVal(vals)
	case 2:
		if len(vals) == 0 {
			return cty.EmptyObjectVal
		}
		if e.keys[0] == nil {
			return cty.DynamicVal
		}
		m := make(map[string]cty.Value, len(vals))
		for i, k := range e.keys {
			m[k.(string)] = vals[i]
		}
		return cty.ObjectVal(m)
	}
	if len(vals) == 0 {
		return cty.DynamicVal
	}
	return vals[0]
}
