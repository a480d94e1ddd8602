package policy

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// OPA has no memory limit, and it checks for cancellation between
// evaluation steps, not inside a built-in. A built-in that turns a small
// input into a huge output (numbers.range(1, 1e10), sprintf("%999999d"),
// json.marshal of a value that shares one sub-value many times, a chain of
// array.concat(x, x)) allocates it in one step that neither the time bound
// nor the memory watchdog can interrupt. These limits bound every such
// step, so the watchdog, which acts between steps, keeps the rest in hand.
// They are far above anything a rule needs: a port range has 65,536
// numbers, an IAM policy document a few kilobytes.
const (
	// maxElements is the most elements one built-in call may produce.
	maxElements = 1 << 20
	// maxBytes is the longest string one built-in call may produce.
	maxBytes = 8 << 20
	// maxDigits is the most decimal digits of a number an arithmetic
	// built-in may produce (multiplication doubles them per step).
	maxDigits = 10_000
)

// sandboxLimitCode is the OPA error code of a call refused by a limit.
const sandboxLimitCode = "vigil_sandbox_limit"

// boundedBuiltins check a call's operands before OPA's own implementation
// runs and refuse the call when its output would exceed a limit. A check
// that cannot read the operands lets the call through: OPA reports the
// type error itself.
var boundedBuiltins = map[string]func(ops []*ast.Term) error{
	"numbers.range":                    checkRange,
	"numbers.range_step":               checkRangeStep,
	"net.cidr_expand":                  checkCIDRExpand,
	"array.concat":                     checkArrayConcat,
	"split":                            checkSplit,
	"indexof_n":                        checkIndexOfN,
	"regex.split":                      checkRegexMatches(false),
	"regex.find_n":                     checkRegexMatches(true),
	"regex.find_all_string_submatch_n": checkRegexMatches(true),
	"walk":                             checkWalk,
	"mul":                              checkMul,
	"bits.lsh":                         checkShift,
	"sprintf":                          checkSprintf,
	"concat":                           checkConcat,
	"replace":                          checkReplace,
	"strings.replace_n":                checkReplaceN,
	"regex.replace":                    checkRegexReplace,
	"json.marshal":                     checkMarshal(0, 0),
	"json.marshal_with_options":        checkMarshalWithOptions,
	"yaml.marshal":                     checkMarshal(4, 4), // yaml.v3 indents by four
	"http.send":                        checkHTTPSend,
}

// The bounded versions replace OPA's under the same names, so rules call
// them as usual. OPA resolves a built-in's implementation from one
// process-wide table (a per-query function cannot shadow a built-in name),
// so they are registered there, once, before any evaluation can run. They
// apply to built-in and custom rules alike.
func init() {
	for name, check := range boundedBuiltins {
		orig := topdown.GetBuiltin(name)
		if orig == nil {
			panic("policy: OPA has no built-in " + name + " to bound")
		}
		topdown.RegisterBuiltinFunc(name, bounded(name, orig, check))
	}
}

func bounded(name string, orig topdown.BuiltinFunc, check func([]*ast.Term) error) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if err := check(ops); err != nil {
			// A Halt stops the evaluation: an ordinary built-in error would
			// only make the call undefined, and a deny rule silently pass.
			return topdown.Halt{Err: &topdown.Error{Code: sandboxLimitCode, Message: name + ": " + err.Error(), Location: bctx.Location}}
		}
		return orig(bctx, ops, iter)
	}
}

var (
	errTooManyElements = fmt.Errorf("the result would have more than %d elements, the rule sandbox's limit for one call", maxElements)
	errTooLong         = fmt.Errorf("the result would be longer than %d MiB, the rule sandbox's limit for one call", maxBytes>>20)
	errTooManyDigits   = fmt.Errorf("the result would have more than %d digits, the rule sandbox's limit for one call", maxDigits)
)

func operand(ops []*ast.Term, i int) ast.Value {
	if i < len(ops) && ops[i] != nil {
		return ops[i].Value
	}
	return nil
}

// field is the value of key in an object, nil when absent.
func field(o ast.Object, key string) ast.Value {
	if t := o.Get(ast.StringTerm(key)); t != nil {
		return t.Value
	}
	return nil
}

func stringOperand(ops []*ast.Term, i int) (string, bool) {
	s, ok := operand(ops, i).(ast.String)
	return string(s), ok
}

func intOperand(ops []*ast.Term, i int) (*big.Int, bool) {
	n, ok := operand(ops, i).(ast.Number)
	if !ok {
		return nil, false
	}
	if v, ok := new(big.Int).SetString(string(n), 10); ok {
		return v, true
	}
	r, ok := new(big.Rat).SetString(string(n))
	if !ok || !r.IsInt() {
		return nil, false
	}
	return r.Num(), true
}

// checkRange bounds numbers.range(a, b).
func checkRange(ops []*ast.Term) error {
	return checkSteps(ops, big.NewInt(1))
}

// checkRangeStep bounds numbers.range_step(a, b, step).
func checkRangeStep(ops []*ast.Term) error {
	step, ok := intOperand(ops, 2)
	if !ok || step.Sign() <= 0 {
		return nil
	}
	return checkSteps(ops, step)
}

func checkSteps(ops []*ast.Term, step *big.Int) error {
	a, ok1 := intOperand(ops, 0)
	b, ok2 := intOperand(ops, 1)
	if !ok1 || !ok2 {
		return nil
	}
	n := new(big.Int).Sub(b, a)
	n.Abs(n).Quo(n, step)
	if n.Cmp(big.NewInt(maxElements)) >= 0 {
		return errTooManyElements
	}
	return nil
}

func checkCIDRExpand(ops []*ast.Term) error {
	s, ok := stringOperand(ops, 0)
	if !ok {
		return nil
	}
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		return nil
	}
	ones, bits := n.Mask.Size()
	if bits-ones >= 20 { // 2^20 = maxElements addresses
		return errTooManyElements
	}
	return nil
}

func collectionLen(v ast.Value) int {
	switch c := v.(type) {
	case *ast.Array:
		return c.Len()
	case ast.Set:
		return c.Len()
	case ast.Object:
		return c.Len()
	}
	return 0
}

func checkArrayConcat(ops []*ast.Term) error {
	if collectionLen(operand(ops, 0))+collectionLen(operand(ops, 1)) > maxElements {
		return errTooManyElements
	}
	return nil
}

func checkSplit(ops []*ast.Term) error {
	s, ok1 := stringOperand(ops, 0)
	sep, ok2 := stringOperand(ops, 1)
	if !ok1 || !ok2 || len(s) < maxElements {
		return nil
	}
	if countOf(s, sep)+1 > maxElements {
		return errTooManyElements
	}
	return nil
}

func checkIndexOfN(ops []*ast.Term) error {
	s, ok1 := stringOperand(ops, 0)
	sub, ok2 := stringOperand(ops, 1)
	if !ok1 || !ok2 || len(s) < maxElements {
		return nil
	}
	if countOf(s, sub) > maxElements {
		return errTooManyElements
	}
	return nil
}

// countOf counts the places old occurs in s the way strings.Replace
// and strings.Split see them: an empty old matches before every rune and
// at the end.
func countOf(s, old string) int {
	if old == "" {
		return utf8.RuneCountInString(s) + 1
	}
	return strings.Count(s, old)
}

// checkRegexMatches bounds the regex built-ins that return one element per
// match: regex.split(pattern, s), and (withN) regex.find_n(pattern, s, n)
// and regex.find_all_string_submatch_n(pattern, s, n).
func checkRegexMatches(withN bool) func([]*ast.Term) error {
	return func(ops []*ast.Term) error {
		pattern, ok1 := stringOperand(ops, 0)
		s, ok2 := stringOperand(ops, 1)
		if !ok1 || !ok2 || len(s) < maxElements {
			return nil
		}
		if n, ok := intOperand(ops, 2); withN && ok && n.Sign() >= 0 && n.Cmp(big.NewInt(maxElements)) <= 0 {
			return nil
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil
		}
		if len(re.FindAllStringIndex(s, maxElements+1)) > maxElements {
			return errTooManyElements
		}
		return nil
	}
}

// checkWalk bounds walk(x): it yields one [path, value] pair per node of x,
// counting a value shared by several parents once per parent.
func checkWalk(ops []*ast.Term) error {
	if _, over := measure(operand(ops, 0), maxElements, func(ast.Value, int) int { return 1 }); over {
		return errTooManyElements
	}
	return nil
}

// digits is the number of decimal digits of a number literal's integer
// part, exponent included ("1e6" has 7).
func digits(n ast.Number) int {
	s := strings.TrimLeft(string(n), "+-")
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	whole, _, _ := strings.Cut(mant, ".")
	d := len(whole)
	if hasExp {
		e, err := strconv.Atoi(exp)
		if err != nil {
			return math.MaxInt32 // an exponent beyond int: far over any limit
		}
		d += max(e, 0)
	}
	return d
}

func checkMul(ops []*ast.Term) error {
	a, ok1 := operand(ops, 0).(ast.Number)
	b, ok2 := operand(ops, 1).(ast.Number)
	if !ok1 || !ok2 || len(a)+len(b) < 40 && !strings.ContainsAny(string(a), "eE") && !strings.ContainsAny(string(b), "eE") {
		return nil
	}
	if digits(a)+digits(b) > maxDigits {
		return errTooManyDigits
	}
	return nil
}

func checkShift(ops []*ast.Term) error {
	a, ok1 := operand(ops, 0).(ast.Number)
	s, ok2 := intOperand(ops, 1)
	if !ok1 || !ok2 {
		return nil
	}
	// 2^s has s*log10(2) digits.
	if !s.IsInt64() || float64(digits(a))+float64(s.Int64())*math.Log10(2) > maxDigits {
		return errTooManyDigits
	}
	return nil
}

// measure walks v, with a value shared by several parents counted once per
// parent, and adds cost(node, depth) until the total passes limit. Its
// work is bounded by the limit, not by the size of v.
func measure(v ast.Value, limit int, cost func(v ast.Value, depth int) int) (int, bool) {
	type item struct {
		v     ast.Value
		depth int
	}
	total := 0
	stack := []item{{v, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if total += cost(it.v, it.depth); total > limit {
			return total, true
		}
		switch c := it.v.(type) {
		case *ast.Array:
			for i := c.Len() - 1; i >= 0; i-- {
				stack = append(stack, item{c.Elem(i).Value, it.depth + 1})
			}
		case ast.Set:
			c.Foreach(func(t *ast.Term) { stack = append(stack, item{t.Value, it.depth + 1}) })
		case ast.Object:
			c.Foreach(func(k, e *ast.Term) {
				stack = append(stack, item{k.Value, it.depth + 1}, item{e.Value, it.depth + 1})
			})
		}
	}
	return total, false
}

// renderedSize returns a cost function for measure: the bytes a value
// takes printed as JSON (or YAML), perNode bytes of separators and
// newlines per value, and perLevel bytes of indentation per level of depth.
func renderedSize(perNode, perLevel int) func(ast.Value, int) int {
	return func(v ast.Value, depth int) int {
		n := 1 + perNode + perLevel*depth
		switch x := v.(type) {
		case ast.String:
			n += len(x) + 2
		case ast.Number:
			n += len(x)
		case ast.Boolean:
			n += 5
		case ast.Null:
			n += 4
		}
		return n
	}
}

var plainSize = renderedSize(0, 0)

func checkMarshal(perNode, perLevel int) func([]*ast.Term) error {
	return func(ops []*ast.Term) error {
		if _, over := measure(operand(ops, 0), maxBytes, renderedSize(perNode, perLevel)); over {
			return errTooLong
		}
		return nil
	}
}

// checkMarshalWithOptions assumes pretty printing whenever an indent or a
// prefix is given: each line gets the prefix and one indent per level.
func checkMarshalWithOptions(ops []*ast.Term) error {
	perNode, perLevel := 0, 0
	if opts, ok := operand(ops, 1).(ast.Object); ok && opts.Len() > 0 {
		perLevel = 1 // the default indent is a tab
		if s, ok := field(opts, "indent").(ast.String); ok {
			perLevel = len(s)
		}
		if s, ok := field(opts, "prefix").(ast.String); ok {
			perNode = len(s) + 1
		}
	}
	return checkMarshal(perNode, perLevel)(ops)
}

func checkConcat(ops []*ast.Term) error {
	sep, ok := stringOperand(ops, 0)
	if !ok {
		return nil
	}
	total, n := 0, 0
	add := func(t *ast.Term) {
		if s, ok := t.Value.(ast.String); ok {
			total += len(s)
		}
		n++
	}
	switch c := operand(ops, 1).(type) {
	case *ast.Array:
		c.Foreach(add)
	case ast.Set:
		c.Foreach(add)
	}
	if n > 1 {
		total += (n - 1) * len(sep)
	}
	if total > maxBytes {
		return errTooLong
	}
	return nil
}

// grown is len(s) with count occurrences of old replaced by new.
func grown(s string, count, oldLen, newLen int) int {
	return len(s) + count*(newLen-oldLen)
}

func checkReplace(ops []*ast.Term) error {
	s, ok1 := stringOperand(ops, 0)
	old, ok2 := stringOperand(ops, 1)
	repl, ok3 := stringOperand(ops, 2)
	if !ok1 || !ok2 || !ok3 || len(repl) <= len(old) {
		return nil
	}
	if grown(s, countOf(s, old), len(old), len(repl)) > maxBytes {
		return errTooLong
	}
	return nil
}

// checkReplaceN over-estimates: it counts every pattern's occurrences as if
// each were replaced, where strings.Replacer replaces non-overlapping ones.
func checkReplaceN(ops []*ast.Term) error {
	patterns, ok1 := operand(ops, 0).(ast.Object)
	s, ok2 := stringOperand(ops, 1)
	if !ok1 || !ok2 {
		return nil
	}
	total := len(s)
	var over bool
	patterns.Foreach(func(k, v *ast.Term) {
		old, ok1 := k.Value.(ast.String)
		repl, ok2 := v.Value.(ast.String)
		if ok1 && ok2 && len(repl) > len(old) {
			total += countOf(s, string(old)) * (len(repl) - len(old))
			over = over || total > maxBytes
		}
	})
	if over {
		return errTooLong
	}
	return nil
}

// checkRegexReplace bounds regex.replace(s, pattern, value). Each match is
// replaced by value, where every $ reference expands to at most the whole
// match (groups are parts of it). The quick bound, every rune a match,
// settles ordinary calls; otherwise the matches are counted.
func checkRegexReplace(ops []*ast.Term) error {
	s, ok1 := stringOperand(ops, 0)
	pattern, ok2 := stringOperand(ops, 1)
	value, ok3 := stringOperand(ops, 2)
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	refs := strings.Count(value, "$")
	perMatch := float64(len(value)) + float64(refs)*float64(len(s))
	if quick := float64(len(s)) + float64(utf8.RuneCountInString(s)+1)*perMatch; quick <= maxBytes {
		return nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil
	}
	total := len(s)
	re.ReplaceAllStringFunc(s, func(m string) string {
		if total <= maxBytes {
			total += len(value) + refs*len(m) - len(m)
		}
		return ""
	})
	if total > maxBytes {
		return errTooLong
	}
	return nil
}

// checkSprintf bounds sprintf(format, args): the format's text, every
// width and precision (fmt pads to them, up to a million each), and every
// argument printed in full.
func checkSprintf(ops []*ast.Term) error {
	format, ok := stringOperand(ops, 0)
	if !ok {
		return nil
	}
	args, _ := operand(ops, 1).(*ast.Array)
	total := len(format)
	for i := 0; args != nil && i < args.Len(); i++ {
		switch v := args.Elem(i).Value.(type) {
		case ast.String: // the usual arguments, measured without a walk
			total += len(v)
		case ast.Number:
			total += len(v)
		default:
			n, over := measure(v, maxBytes-total, plainSize)
			if over {
				return errTooLong
			}
			total += n
		}
	}
	if total > maxBytes {
		return errTooLong
	}
	argInt := func(i int) int {
		if args == nil || i < 0 || i >= args.Len() {
			return 0
		}
		n, ok := args.Elem(i).Value.(ast.Number)
		if !ok {
			return 0
		}
		v, err := strconv.Atoi(string(n))
		if err != nil {
			return 0 // fmt takes only an int as a width: this one prints %!(BADWIDTH)
		}
		return max(v, -v)
	}
	pads, err := formatPadding(format, argInt)
	if err != nil || total+pads > maxBytes {
		return errTooLong
	}
	return nil
}

// formatPadding sums the widths and precisions of a fmt format string,
// following fmt's rules for * (the width is the next argument) and [n]
// (explicit argument indexes).
func formatPadding(format string, argInt func(int) int) (int, error) {
	total, arg := 0, 0
	num := func(i int) (int, int) {
		n := 0
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if n = n*10 + int(format[i]-'0'); n > maxBytes {
				n = maxBytes + 1
			}
			i++
		}
		return n, i
	}
	index := func(i int) int {
		if i < len(format) && format[i] == '[' {
			n, j := num(i + 1)
			if j < len(format) && format[j] == ']' {
				arg = n - 1
				return j + 1
			}
		}
		return i
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for part := 0; part < 2; part++ { // width, then .precision
			if part == 1 {
				if i >= len(format) || format[i] != '.' {
					break
				}
				i++
			}
			i = index(i)
			if i < len(format) && format[i] == '*' {
				total += argInt(arg)
				arg++
				i++
			} else {
				var n int
				n, i = num(i)
				total += n
			}
			if total > maxBytes {
				return total, errTooLong
			}
		}
		i = index(i)
		if i < len(format) && format[i] != '%' {
			arg++
		}
	}
	return total, nil
}

// forbiddenHTTPOptions read local files or environment variables; with
// http.send allowed, a rule still may not use them.
var forbiddenHTTPOptions = []string{
	"tls_ca_cert_file", "tls_ca_cert_env_variable",
	"tls_client_cert_file", "tls_client_cert_env_variable",
	"tls_client_key_file", "tls_client_key_env_variable",
}

// checkHTTPSend keeps an allowed http.send to plain HTTP(S) requests: no
// certificate or key read from a file or the environment (give them
// inline: tls_ca_cert, tls_client_cert, tls_client_key), no Unix socket.
func checkHTTPSend(ops []*ast.Term) error {
	req, ok := operand(ops, 0).(ast.Object)
	if !ok {
		return nil
	}
	for _, opt := range forbiddenHTTPOptions {
		if req.Get(ast.StringTerm(opt)) != nil {
			return fmt.Errorf("the %s option reads a file or an environment variable, which the rule sandbox forbids; give the certificate inline", opt)
		}
	}
	if s, ok := field(req, "url").(ast.String); ok {
		if u, err := url.Parse(string(s)); err == nil && u.Scheme != "http" && u.Scheme != "https" {
			return errors.New("only http and https URLs are allowed in the rule sandbox, not " + u.Scheme)
		}
	}
	return nil
}
