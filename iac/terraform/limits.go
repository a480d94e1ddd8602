package terraform

import (
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/iac/file"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
)

// Evaluation is bounded three ways, so that a few hostile lines (a
// for_each over setproduct(range(1000), range(1000)), a template doubling
// a string forty times, a chain of 300,000 locals) end with a warning
// instead of running for minutes, exhausting memory or overflowing the Go
// stack, which cannot be recovered:
//   - a value a function or a template builds, and a value an attribute or
//     local holds, has at most maxValueLen elements or maxStringLen bytes;
//   - the work evaluating one root module (with its modules) does is at
//     most maxWork units: one per element or 16 bytes a function takes or
//     returns, more for a function call, a for expression's iteration or a
//     template part, roughly in proportion to their time (maxWork is about
//     two seconds of the costliest);
//   - references chain at most file.MaxNesting deep (local.a reads local.b
//     reads ...), since each link recurses.
//
// Past a bound the expression is unknown, as a value only apply would know:
// rules give no verdict on it rather than a wrong one. The examples and
// fixtures of this repository spend at most about 500 units of work.
const (
	maxValueLen  = 10 * maxInstances
	maxStringLen = defaultMaxFileSize
	maxWork      = 20_000_000
	maxRefChain  = file.MaxNesting
	bytesPerWork = 16 // a string costs one unit per 16 bytes
	workCall     = 20 // a function call, besides its arguments and result
	workIter     = 50 // one iteration of a for expression, besides its body
	workPart     = 20 // a part of a string template, besides its bytes
)

// limitError is a bound hit during evaluation; eval reports it at the
// expression and makes the value unknown.
type limitError string

func (e limitError) Error() string { return string(e) }

const errWork = limitError("the evaluation work limit of this module is used up (for expressions, functions or templates doing far more work than real configurations need); from here on the module's computed values are unknown")

// charge takes n units of work; false once the scan's budget is gone.
func (s *scanner) charge(n int) bool {
	if s.work > maxWork {
		return false
	}
	s.work += int64(n)
	return s.work <= maxWork
}

// valueSize is the top-level size of v as the bounds count it: elements of
// a collection, bytes of a string (0 for anything unknown or scalar).
func valueSize(v cty.Value) (elems, bytes int) {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0, 0
	}
	switch {
	case v.Type() == cty.String:
		return 0, len(v.AsString())
	case v.CanIterateElements():
		return v.LengthInt(), 0
	}
	return 0, 0
}

// checkValue refuses a value over maxValueLen elements or maxStringLen bytes.
func checkValue(v cty.Value) error {
	elems, bytes := valueSize(v)
	switch {
	case elems > maxValueLen:
		return limitError(fmt.Sprintf("a value of %d elements exceeds the %d-element limit", elems, maxValueLen))
	case bytes > maxStringLen:
		return limitError(fmt.Sprintf("a string of %d bytes exceeds the %d-byte limit", bytes, maxStringLen))
	}
	return nil
}

// cost is the work units a value stands for.
func cost(v cty.Value) int {
	elems, bytes := valueSize(v)
	return 1 + elems + bytes/bytesPerWork
}

// Internal functions the instrumented syntax tree calls: each returns its
// argument after charging the work it stands for.
const (
	fnIter = "__vigil_iterate" // the collection of a for expression
	fnPart = "__vigil_join"    // a part of a string template
)

func (s *scanner) internalFuncs() map[string]function.Function {
	charge := func(size func(cty.Value) int) function.Function {
		return function.New(&function.Spec{
			Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}},
			Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				if !s.charge(size(args[0])) {
					return cty.NilVal, errWork
				}
				return args[0], nil
			},
		})
	}
	return map[string]function.Function{
		fnIter: charge(func(v cty.Value) int { elems, _ := valueSize(v); return workIter * (1 + elems) }),
		fnPart: charge(func(v cty.Value) int { _, bytes := valueSize(v); return workPart + bytes/bytesPerWork }),
	}
}

// instrument rewrites a parsed syntax tree so that evaluating it charges
// the scan's work budget: every for expression's collection and every part
// of a string template is passed through an internal function. It is the
// only hook: hclsyntax evaluates these nodes itself, with no callback.
// (The wrapper is a real function call node, so walkers that look for
// variables still see what is inside it.)
func instrument(n hclsyntax.Node) {
	var fors []*hclsyntax.ForExpr
	var tmpls []*hclsyntax.TemplateExpr
	hclsyntax.VisitAll(n, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ForExpr:
			fors = append(fors, e)
		case *hclsyntax.TemplateExpr:
			tmpls = append(tmpls, e)
		}
		return nil
	})
	for _, e := range fors {
		e.CollExpr = charged(fnIter, e.CollExpr)
	}
	for _, e := range tmpls {
		if len(e.Parts) < 2 {
			continue // nothing is joined
		}
		for i, p := range e.Parts {
			if _, literal := p.(*hclsyntax.LiteralValueExpr); !literal {
				e.Parts[i] = charged(fnPart, p)
			}
		}
	}
}

func charged(fn string, e hclsyntax.Expression) hclsyntax.Expression {
	r := e.Range()
	return &hclsyntax.FunctionCallExpr{Name: fn, Args: []hclsyntax.Expression{e}, NameRange: r, OpenParenRange: r, CloseParenRange: r}
}

// limitFrom finds a bound hit among diagnostics.
func limitFrom(diags hcl.Diagnostics) (*hcl.Diagnostic, limitError, bool) {
	for _, d := range diags {
		extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
		if !ok {
			continue
		}
		var le limitError
		if errors.As(extra.FunctionCallError(), &le) {
			return d, le, true
		}
	}
	return nil, "", false
}

// guard wraps a function of the table. Its parameters take any value, so
// hclsyntax passes arguments unconverted: cty converts a tuple to a list
// or set in time quadratic in its length (it orders all element types),
// and a 10,000-element tuple then costs half a second per call. The wrapper
// converts in linear time instead, charges the call's work, refuses
// arguments and results over the value bounds, and checks beforehand the
// few functions whose result can be far larger than their arguments.
func (s *scanner) guard(name string, f function.Function) function.Function {
	params := f.Params()
	anyParam := func(p function.Parameter) function.Parameter {
		return function.Parameter{Name: p.Name, Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}
	}
	spec := &function.Spec{Params: make([]function.Parameter, len(params))}
	for i, p := range params {
		spec.Params[i] = anyParam(p)
	}
	if vp := f.VarParam(); vp != nil {
		p := anyParam(*vp)
		spec.VarParam = &p
	}
	prepare := func(args []cty.Value) ([]cty.Value, error) {
		out := make([]cty.Value, len(args))
		for i, a := range args {
			p := f.VarParam()
			if i < len(params) {
				p = &params[i]
			}
			if err := checkValue(a); err != nil {
				return nil, err
			}
			c, err := fastConvert(a, p.Type)
			if err != nil {
				return nil, function.NewArgErrorf(i, "invalid value for %q parameter: %s", p.Name, err)
			}
			out[i] = c
		}
		return out, nil
	}
	spec.Type = func(args []cty.Value) (cty.Type, error) {
		args, err := prepare(args)
		if err != nil {
			return cty.NilType, err
		}
		return f.ReturnTypeForValues(args)
	}
	spec.Impl = func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		args, err := prepare(args)
		if err != nil {
			return cty.NilVal, err
		}
		work := workCall
		for _, a := range args {
			work += cost(a)
		}
		if err := precheck(name, args); err != nil {
			return cty.NilVal, err
		}
		if !s.charge(work) {
			return cty.NilVal, errWork
		}
		v, err := f.Call(args)
		if err != nil {
			return cty.NilVal, err
		}
		if err := checkValue(v); err != nil {
			return cty.NilVal, limitError(fmt.Sprintf("%s(): %v", name, err))
		}
		if !s.charge(cost(v)) {
			return cty.NilVal, errWork
		}
		return v, nil
	}
	return function.New(spec)
}

// fastConvert is convert.Convert, in linear time for the common case of a
// tuple (or object) whose elements share one type, converted to a list or
// set (or map). A tuple of mixed types is left to cty, which is quadratic
// in its length; its arguments are bounded by maxValueLen and the call's
// work by the budget.
func fastConvert(v cty.Value, ty cty.Type) (cty.Value, error) {
	if !v.IsKnown() || v.IsNull() || v.IsMarked() || !v.CanIterateElements() || v.LengthInt() == 0 {
		return convert.Convert(v, ty)
	}
	vt := v.Type()
	var build func([]cty.Value) cty.Value
	switch {
	case ty.IsListType() && vt.IsTupleType():
		build = cty.ListVal
	case ty.IsSetType() && vt.IsTupleType():
		build = cty.SetVal
	case ty.IsMapType() && vt.IsObjectType():
	default:
		return convert.Convert(v, ty)
	}
	var first cty.Type
	elems := make([]cty.Value, 0, v.LengthInt())
	keys := make([]string, 0, cap(elems))
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		et := e.Type()
		if e.IsMarked() || et == cty.DynamicPseudoType || (len(elems) > 0 && !et.Equals(first)) {
			return convert.Convert(v, ty)
		}
		first = et
		elems = append(elems, e)
		if build == nil {
			keys = append(keys, k.AsString())
		}
	}
	var same cty.Value
	if build != nil {
		same = build(elems)
	} else {
		m := make(map[string]cty.Value, len(elems))
		for i, k := range keys {
			m[k] = elems[i]
		}
		same = cty.MapVal(m)
	}
	return convert.Convert(same, ty)
}

// formatNumRe finds the widths and precisions of format verbs.
var formatNumRe = regexp.MustCompile(`%[-+# 0]*(?:\[\d+\])?(\d*)(?:\.(\d*))?`)

// precheck refuses calls whose result would exceed the bounds although
// their arguments do not: padding widths, products, repetitions.
func precheck(name string, args []cty.Value) error {
	known := func(v cty.Value) bool { return v.IsWhollyKnown() && !v.IsNull() }
	str := func(v cty.Value) string { v, _ = v.UnmarkDeep(); return v.AsString() }
	tooLong := func(n float64) error {
		if n > maxStringLen {
			return limitError(fmt.Sprintf("%s() would build a string of about %.0f bytes, over the %d-byte limit", name, n, maxStringLen))
		}
		return nil
	}
	switch name {
	case "format", "formatlist":
		if len(args) == 0 || !known(args[0]) {
			return nil
		}
		pad := 0.0
		for _, m := range formatNumRe.FindAllStringSubmatch(str(args[0]), -1) {
			for _, d := range m[1:] {
				if n, err := strconv.ParseFloat(d, 64); err == nil {
					pad += n
				}
			}
		}
		rows := 1.0
		if name == "formatlist" {
			for _, a := range args[1:] {
				if elems, _ := valueSize(a); float64(elems) > rows {
					rows = float64(elems)
				}
			}
		}
		return tooLong(rows * (pad + float64(len(str(args[0])))))
	case "indent":
		if len(args) == 2 && known(args[0]) && known(args[1]) {
			n, _ := args[0].AsBigFloat().Float64()
			s := str(args[1])
			return tooLong(float64(len(s)) + n*float64(strings.Count(s, "\n")+1))
		}
	case "join":
		if len(args) >= 2 && known(args[0]) {
			n := 0
			for _, l := range args[1:] {
				if elems, _ := valueSize(l); l.IsKnown() {
					n += elems
				}
			}
			return tooLong(float64(n) * float64(len(str(args[0]))))
		}
	case "replace":
		if len(args) == 3 && known(args[0]) && known(args[1]) && known(args[2]) {
			s, sub, rep := str(args[0]), str(args[1]), str(args[2])
			// At most one match per position; a $ reference in a regular
			// expression's replacement copies at most the whole string.
			matches := float64(len(s) + 1)
			per := float64(len(rep)) + float64(strings.Count(rep, "$"))*float64(len(s))
			if !(len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/') {
				matches = float64(strings.Count(s, sub))
				per = float64(len(rep))
			}
			return tooLong(float64(len(s)) + matches*per)
		}
	case "split":
		if len(args) == 2 && known(args[0]) && known(args[1]) {
			sep, s := str(args[0]), str(args[1])
			n := len(s)
			if sep != "" {
				n = strings.Count(s, sep) + 1
			}
			if n > maxValueLen {
				return limitError(fmt.Sprintf("split() would build %d elements, over the %d-element limit", n, maxValueLen))
			}
		}
	case "setproduct":
		p := new(big.Int).SetInt64(1)
		for _, a := range args {
			elems, _ := valueSize(a)
			p.Mul(p, big.NewInt(int64(elems)))
		}
		if p.Cmp(big.NewInt(maxValueLen)) > 0 {
			return limitError(fmt.Sprintf("setproduct() would build %s elements, over the %d-element limit", p, maxValueLen))
		}
	case "jsondecode":
		if len(args) == 1 && known(args[0]) {
			if e := file.CheckShape("", []byte(str(args[0])), file.JSON); e != nil {
				return limitError(fmt.Sprintf("jsondecode(): the document nests deeper than %d levels or holds more than %d tokens", file.MaxNesting, file.MaxTokens))
			}
		}
	case "concat", "merge", "setunion", "flatten", "chunklist":
		n := 0
		for _, a := range args {
			elems, _ := valueSize(a)
			n += elems
		}
		if n > maxValueLen {
			return limitError(fmt.Sprintf("%s() over %d elements exceeds the %d-element limit", name, n, maxValueLen))
		}
	}
	return nil
}
