package file

import (
	"bytes"
	"encoding/json"
	"strings"
)

// MaxNesting is how deep one file may nest: brackets, braces, blocks,
// YAML indentation levels, template interpolations and HCL operator
// chains all count. The 600 templates, manifests, plans and fixtures of
// this repository nest at most 16 levels by this count. The parsers
// (HCL's, yaml.v3's, encoding/json's) and the walkers after them recurse
// once or more per level, and a Go stack overflow kills the process
// instead of returning an error; 500 keeps every one of them far from the
// stack limit while leaving thirty times the room real files need.
const MaxNesting = 500

// MaxTokens bounds the tokens (names, values, operators, brackets) of one
// file, or of one document of a YAML stream. Parsers keep 100 to 300
// bytes per token (hclsyntax's tokens and syntax tree, yaml.v3's nodes):
// a 9 MB list of 4.5 million numbers took 4 GB. Ordinary Terraform, YAML
// and plan JSON run 4 to 8 bytes a token, so most 10 MiB files pass;
// large Terraform files are parsed piece by piece up to this bound
// instead of refused (see HCLPieces), and Kubernetes Lists item by item.
const MaxTokens = 2_000_000

// Syntax is a family of file formats that nest the same way.
type Syntax int

const (
	// HCL is Terraform's native syntax (.tf, .tfvars).
	HCL Syntax = iota
	// HCLTemplate is a bare HCL template: a templatefile() file.
	HCLTemplate
	// HCLJSON is Terraform's JSON syntax (.tf.json): JSON whose strings
	// are HCL templates.
	HCLJSON
	// JSON is plain JSON (plan JSON, CloudFormation and Kubernetes JSON).
	JSON
	// YAML is YAML 1.2 (CloudFormation templates, Kubernetes manifests).
	YAML
)

// CheckShape returns an *Error at the line where data first nests deeper
// than MaxNesting or, but for the native HCL syntax, passes MaxTokens; nil
// when neither happens. It scans the text once and builds nothing, so it
// runs before any parser sees the bytes. The counts are estimates that
// err on the high side (an unclosed bracket in a broken file still
// counts); they never let a file through that nests deeper than the limit
// in the way the parser sees it.
func CheckShape(path string, data []byte, syn Syntax) *Error {
	var sc scan
	switch syn {
	case HCL:
		sc = hclScan(data, false, nil)
	case HCLTemplate:
		sc = hclScan(data, true, nil)
	case HCLJSON:
		sc = jsonScan(data, checkTemplateString)
	case JSON:
		sc = jsonScan(data, nil)
	case YAML:
		sc = yamlScan(data)
	}
	switch {
	case sc.deepAt > 0:
		return Errorf(path, sc.deepAt, "nesting deeper than %d levels (brackets, blocks, indentation or operators); file skipped", MaxNesting)
	case syn != HCL && sc.tokens > MaxTokens:
		return Errorf(path, sc.wideAt, "more than %d tokens (names, values, operators); file skipped, as parsing it would take gigabytes", MaxTokens)
	}
	return nil
}

// scan is what a scanner found.
type scan struct {
	deepAt   int // 1-based line where nesting first passes MaxNesting; 0 if never
	tokens   int // about how many tokens the parser makes of the text
	wideAt   int // line where tokens passed MaxTokens
	maxDepth int // the deepest nesting seen
}

// nest records a nesting depth; true past MaxNesting.
func (sc *scan) nest(depth int) bool {
	sc.maxDepth = max(sc.maxDepth, depth)
	return depth > MaxNesting
}

func (sc *scan) count(line int) {
	sc.tokens++
	if sc.tokens == MaxTokens+1 {
		sc.wideAt = line
	}
}

func (sc *scan) deep(line int) scan {
	sc.deepAt = line
	return *sc
}

// SyntaxOf tells JSON from YAML for a CloudFormation or Kubernetes file:
// by its extension, and otherwise (.template, or no name) by its first
// character.
func SyntaxOf(path string, data []byte) Syntax {
	switch p := strings.ToLower(path); {
	case strings.HasSuffix(p, ".json"):
		return JSON
	case strings.HasSuffix(p, ".yaml"), strings.HasSuffix(p, ".yml"):
		return YAML
	}
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return JSON
	}
	return YAML
}

// jsonScan scans JSON. onString, when set, judges each string (its raw,
// still escaped text); a non-zero return fails the string's line.
func jsonScan(data []byte, onString func(raw []byte) int) scan {
	var sc scan
	depth, line := 0, 1
	count := func() { sc.count(line) }
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line++
		case ' ', '\t', '\r':
		case '[', '{':
			count()
			depth++
			if sc.nest(depth) {
				sc.deepAt = line
				return sc
			}
		case ']', '}':
			count()
			if depth > 0 {
				depth--
			}
		case '"':
			count()
			start, startLine := i+1, line
			for i++; i < len(data) && data[i] != '"'; i++ {
				switch data[i] {
				case '\\':
					i++
				case '\n':
					line++ // invalid JSON, but keep the line count right
				}
			}
			if onString != nil && onString(data[start:min(i, len(data))]) > 0 {
				sc.deepAt = startLine
				return sc
			}
		case ',', ':':
			count()
		default:
			// A number, true, false or null: one token per run.
			if i == 0 || strings.IndexByte(" \t\r\n,:[{", data[i-1]) >= 0 {
				count()
			}
		}
	}
	return sc
}

// checkTemplateString judges a JSON string of a .tf.json file as the HCL
// template Terraform parses it as.
func checkTemplateString(raw []byte) int {
	if !bytes.Contains(raw, []byte("${")) && !bytes.Contains(raw, []byte("%{")) {
		return 0
	}
	var s string
	quoted := make([]byte, 0, len(raw)+2)
	quoted = append(append(append(quoted, '"'), raw...), '"')
	if err := json.Unmarshal(quoted, &s); err != nil {
		return 0 // the JSON parser reports it
	}
	return hclScan([]byte(s), true, nil).deepAt
}

// HCLPiece is a stretch of HCL text that starts at the top level.
type HCLPiece struct {
	From   int // offset of its first byte
	Tokens int // about how many tokens hclsyntax makes of it
}

// HCLPieces cuts HCL text at lines where a top-level block or attribute
// may start (outside any bracket, string, heredoc or comment) into pieces
// of at least size bytes, so that a large file can be parsed piece by
// piece: hclsyntax lexes a whole input into tokens first, about a hundred
// times its size in memory.
func HCLPieces(data []byte, size int) []HCLPiece {
	pieces := []HCLPiece{{}}
	before := 0 // tokens before the last piece
	sc := hclScan(data, false, func(next, tokens int) {
		last := &pieces[len(pieces)-1]
		if next-last.From >= size && next < len(data) {
			last.Tokens = tokens - before
			before = tokens
			pieces = append(pieces, HCLPiece{From: next})
		}
	})
	pieces[len(pieces)-1].Tokens = sc.tokens - before
	return pieces
}

// hclFrame is one open construct of the HCL scanner.
type hclFrame struct {
	kind   byte   // 0 body, '{' '[' '(' brackets, '$' interpolation, '"' quoted template, '<' heredoc, 'T' bare template
	ops    int    // operators and closed brackets in the current item: each nests the expression tree one level
	dirs   int    // open %{if} / %{for} directives in a template
	marker []byte // heredoc end marker
}

func (f *hclFrame) template() bool { return f.kind == '"' || f.kind == '<' || f.kind == 'T' }

// hclScan scans HCL (or, with template, a bare HCL template). Brackets, braces,
// parentheses, interpolations, quoted templates and heredocs nest; so do
// operators, since hclsyntax parses `!!!x`, `a ? b : c ? ...` and
// `a + b + c ...` into trees as deep as the chain is long, and evaluates
// them recursively. Operators count until the item ends (a comma, or a
// newline in a body or object).
//
// atTop, when set, is told the offset of each line that starts at the top
// level of the body, and the tokens before it.
func hclScan(data []byte, template bool, atTop func(next, tokens int)) scan {
	root := hclFrame{kind: 0}
	if template {
		root.kind = 'T'
	}
	stack := []hclFrame{root}
	extra := 0 // sum of ops and dirs over the stack
	var sc scan
	line := 1
	lineStart := true
	var word byte // 'a' inside a name, '1' inside a number
	depth := func() int { return len(stack) - 1 + extra }
	push := func(f hclFrame) bool {
		stack = append(stack, f)
		return sc.nest(depth())
	}
	pop := func() {
		top := &stack[len(stack)-1]
		extra -= top.ops + top.dirs
		stack = stack[:len(stack)-1]
		if p := &stack[len(stack)-1]; !p.template() {
			p.ops++ // a closed bracket in an expression nests its item once more (a[b][c])
			extra++
		}
	}
	op := func() bool {
		stack[len(stack)-1].ops++
		extra++
		return sc.nest(depth())
	}
	endItem := func() {
		top := &stack[len(stack)-1]
		extra -= top.ops
		top.ops = 0
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		top := &stack[len(stack)-1]
		if top.kind == '<' && lineStart {
			// A heredoc ends at a line holding only its marker.
			j := i
			for j < len(data) && (data[j] == ' ' || data[j] == '\t') {
				j++
			}
			if bytes.HasPrefix(data[j:], top.marker) {
				k := j + len(top.marker)
				for k < len(data) && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r') {
					k++
				}
				if k == len(data) || data[k] == '\n' {
					pop()
					i = k - 1
					lineStart = false
					continue
				}
			}
		}
		lineStart = false
		if c == '\n' {
			line++
			lineStart = true
			sc.count(line) // a newline token, or a heredoc's line of text
		}
		if top.template() {
			switch {
			case c == '\n' && top.kind == '"':
				pop() // an unterminated quoted string ends at the line's end
				if !stack[len(stack)-1].template() && (stack[len(stack)-1].kind == 0 || stack[len(stack)-1].kind == '{') {
					endItem()
				}
			case c == '\\' && top.kind == '"':
				if i+1 < len(data) && data[i+1] == '\n' {
					line++
					lineStart = true
				}
				i++
			case c == '"' && top.kind == '"':
				sc.count(line)
				pop()
			case (c == '$' || c == '%') && i+2 < len(data) && data[i+1] == c && data[i+2] == '{':
				i += 2 // $${ and %%{ are literal text
			case (c == '$' || c == '%') && i+1 < len(data) && data[i+1] == '{':
				if c == '%' {
					switch directiveWord(data[i+2:]) {
					case "if", "for":
						top.dirs++
						extra++
					case "endif", "endfor":
						if top.dirs > 0 {
							top.dirs--
							extra--
						}
					}
				}
				i++
				sc.count(line)
				if push(hclFrame{kind: '$'}) {
					return sc.deep(line)
				}
			}
			continue
		}
		// A name goes on through letters, digits and dashes (a-b is one
		// name); a number through digits, dots and an exponent's sign;
		// anything else is a token of its own, about a token a byte.
		switch {
		case word == 'a' && isIdentByte(c):
		case word == '1' && (isIdentByte(c) && c != '-' || c == '.' || (c == '-' || c == '+') && (data[i-1] == 'e' || data[i-1] == 'E')):
		default:
			word = 0
			switch {
			case c >= '0' && c <= '9':
				word = '1'
			case isIdentByte(c) && c != '-':
				word = 'a'
			}
			if c > ' ' {
				sc.count(line)
			}
		}
		switch c {
		case '\n':
			if top.kind == 0 || top.kind == '{' {
				endItem()
			}
			if atTop != nil && len(stack) == 1 && top.kind == 0 {
				atTop(i+1, sc.tokens)
			}
		case ',':
			endItem()
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '/':
			switch {
			case i+1 < len(data) && data[i+1] == '/':
				for i+1 < len(data) && data[i+1] != '\n' {
					i++
				}
			case i+1 < len(data) && data[i+1] == '*':
				i += 2
				for i < len(data) && !(data[i] == '*' && i+1 < len(data) && data[i+1] == '/') {
					if data[i] == '\n' {
						line++
					}
					i++
				}
				i++
			default:
				if op() {
					return sc.deep(line)
				}
			}
		case '"':
			if push(hclFrame{kind: '"'}) {
				return sc.deep(line)
			}
		case '{', '[', '(':
			if push(hclFrame{kind: c}) {
				return sc.deep(line)
			}
		case '}', ']', ')':
			open := map[byte]byte{'}': '{', ']': '[', ')': '('}[c]
			if top.kind == open || (c == '}' && top.kind == '$') {
				pop()
			}
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				if m, next, ok := heredocMarker(data, i+2); ok {
					// The template starts on the next line.
					if push(hclFrame{kind: '<', marker: m}) {
						return sc.deep(line)
					}
					i = next - 1
					continue
				}
			}
			if i+1 < len(data) && data[i+1] == '=' {
				i++
			}
			if op() {
				return sc.deep(line)
			}
		case '>', '!':
			if i+1 < len(data) && data[i+1] == '=' {
				i++
			}
			if op() {
				return sc.deep(line)
			}
		case '=':
			switch {
			case i+1 < len(data) && data[i+1] == '=':
				i++
				if op() {
					return sc.deep(line)
				}
			case i+1 < len(data) && data[i+1] == '>':
				i++ // => in a for expression
			}
		case '-':
			if word != 0 {
				continue // inside a name (a-b), or an exponent's sign (1e-5)
			}
			if op() {
				return sc.deep(line)
			}
		case '&', '|':
			if i+1 < len(data) && data[i+1] == c {
				i++ // && and || are one operator
			}
			if op() {
				return sc.deep(line)
			}
		case '?', '+', '*', '%':
			if op() {
				return sc.deep(line)
			}
		}
	}
	return sc
}

// heredocMarker reads "-?IDENT" then the rest of the line after "<<";
// next is the index after the newline.
func heredocMarker(data []byte, i int) (marker []byte, next int, ok bool) {
	if i < len(data) && data[i] == '-' {
		i++
	}
	j := i
	for j < len(data) && isIdentByte(data[j]) {
		j++
	}
	if j == i {
		return nil, 0, false
	}
	k := j
	for k < len(data) && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r') {
		k++
	}
	if k < len(data) && data[k] != '\n' {
		return nil, 0, false
	}
	return data[i:j], k, true
}

// directiveWord is the keyword after "%{" (and an optional strip marker).
func directiveWord(b []byte) string {
	i := 0
	for i < len(b) && (b[i] == '~' || b[i] == ' ' || b[i] == '\t') {
		i++
	}
	j := i
	for j < len(b) && j-i < 8 && b[j] >= 'a' && b[j] <= 'z' {
		j++
	}
	return string(b[i:j])
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// yamlScan scans YAML. Block nesting is read from indentation (a "- "
// sequence entry sits half a level inside its parent's key, so key/dash
// alternations count fully, and each extra "- " on a line is one more
// level); flow nesting from brackets outside quoted scalars and comments.
// Block scalars (| and >) are skipped.
func yamlScan(data []byte) scan {
	var sc scan
	var stack []int // effective indentation of each open block level
	flow, flowBase := 0, 0
	var quote byte
	scalarParent := -1 // while >= 0, lines indented deeper are block scalar text
	line := 0
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		l := data[start:end]
		start = end + 1
		line++
		col := 0
		for col < len(l) && l[col] == ' ' {
			col++
		}
		blank := len(bytes.TrimSpace(l)) == 0
		if scalarParent >= 0 {
			if blank || col > scalarParent {
				continue
			}
			scalarParent = -1
		}
		base := flowBase
		pos := 0
		if quote == 0 && flow == 0 {
			if blank || l[col] == '#' {
				continue
			}
			if col == 0 && (bytes.HasPrefix(l, []byte("---")) || bytes.HasPrefix(l, []byte("..."))) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r') {
				stack = stack[:0]
				pos = 3
				col = 3
			} else if col == 0 && l[0] == '%' {
				continue // a directive
			}
			pos = max(pos, col)
			markers, lastMarker := 0, col
			for pos < len(l) && (l[pos] == '-' || l[pos] == '?' || l[pos] == ':') && (pos+1 == len(l) || l[pos+1] == ' ' || l[pos+1] == '\t') {
				markers++
				lastMarker = pos
				pos++
				for pos < len(l) && (l[pos] == ' ' || l[pos] == '\t') {
					pos++
				}
			}
			eff := 2 * col
			if markers > 0 {
				eff++
			}
			for len(stack) > 0 && stack[len(stack)-1] > eff {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1] < eff {
				stack = append(stack, eff)
			}
			base = len(stack) + max(markers-1, 0)
			if sc.nest(base) {
				return sc.deep(line)
			}
			flowBase = base
			sc.count(line) // the key or entry the line starts
			if yamlScanLine(l, pos, base, &flow, &quote, true, &sc, line) {
				return sc.deep(line)
			}
			if flow == 0 && quote == 0 && endsWithBlockScalar(l[pos:]) {
				// The text is indented past the key that holds it, or past
				// the "- " when the scalar is the entry itself.
				scalarParent = pos
				if c := l[pos]; markers > 0 && (c == '|' || c == '>' || c == '!' || c == '&') {
					scalarParent = lastMarker
				}
			}
			continue
		}
		if yamlScanLine(l, pos, base, &flow, &quote, false, &sc, line) {
			return sc.deep(line)
		}
	}
	return sc
}

// yamlScanLine follows flow brackets and quotes through one line, and
// counts its tokens; it reports whether base+flow passed MaxNesting.
func yamlScanLine(l []byte, pos, base int, flow *int, quote *byte, lineStartIsValue bool, sc *scan, line int) bool {
	valueStart := lineStartIsValue || *flow > 0
	for i := pos; i < len(l); i++ {
		c := l[i]
		switch *quote {
		case '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				*quote = 0
			}
			continue
		case '\'':
			if c == '\'' {
				if i+1 < len(l) && l[i+1] == '\'' {
					i++
				} else {
					*quote = 0
				}
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return false
		case (c == '[' || c == '{') && (valueStart || *flow > 0):
			sc.count(line)
			*flow++
			if sc.nest(base + *flow) {
				return true
			}
			valueStart = true
			continue
		case (c == ']' || c == '}') && *flow > 0:
			sc.count(line)
			*flow--
		case c == ',' && *flow > 0:
			sc.count(line)
			valueStart = true
			continue
		case (c == '"' || c == '\'') && valueStart:
			sc.count(line)
			*quote = c
		case c == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' || (*flow > 0 && (l[i+1] == ',' || l[i+1] == ']' || l[i+1] == '}'))):
			sc.count(line)
			valueStart = true
			continue
		case c == '-' && valueStart && (i+1 == len(l) || l[i+1] == ' '):
			continue // a sequence entry inside a value
		case (c == '!' || c == '&') && valueStart:
			// A tag or an anchor comes before the value it names.
			for i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' && !(*flow > 0 && (l[i+1] == ',' || l[i+1] == ']' || l[i+1] == '}')) {
				i++
			}
			continue
		case valueStart:
			sc.count(line) // a plain scalar starts
		}
		valueStart = false
	}
	return false
}

// endsWithBlockScalar reports whether a line's value is a block scalar
// indicator (| or >, with optional chomping and indentation indicators,
// tags and anchors before it, and a comment after it).
func endsWithBlockScalar(l []byte) bool {
	s := string(bytes.TrimSpace(l))
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if last[0] != '|' && last[0] != '>' {
		return false
	}
	for _, c := range last[1:] {
		if c != '-' && c != '+' && (c < '0' || c > '9') {
			return false
		}
	}
	if len(f) == 1 {
		return true
	}
	prev := f[len(f)-2]
	return strings.HasSuffix(prev, ":") || prev == "-" || prev[0] == '!' || prev[0] == '&'
}
