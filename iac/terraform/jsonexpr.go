package terraform

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// jsonValue evaluates an expression of the JSON syntax (.tf.json) as
// hcl/json does: strings are templates, arrays tuples, objects objects
// whose keys are templates too. hcl/json parses and evaluates each
// template itself, out of reach of instrument, so a for expression inside
// one would run unbounded (three nested fors over range(300): 27 million
// iterations, 40 s, 5 GB). Here the value is read again from the file's
// text and each template is parsed once, instrumented and evaluated like
// the native syntax's.
func (sc *scope) jsonValue(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	r := expr.Range()
	src, ok := sc.s.sources[r.Filename]
	if ctx == nil || !ok || r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte >= r.End.Byte {
		return expr.Value(ctx)
	}
	j := &jsonEval{s: sc.s, ctx: ctx, file: r.Filename, src: src, base: r.Start.Byte,
		dec: json.NewDecoder(bytes.NewReader(src[r.Start.Byte:r.End.Byte]))}
	j.dec.UseNumber()
	tok, err := j.next()
	if err != nil {
		return expr.Value(ctx)
	}
	return j.value(tok)
}

type jsonEval struct {
	s     *scanner
	ctx   *hcl.EvalContext
	file  string
	src   []byte
	base  int // offset of the expression in the file
	dec   *json.Decoder
	start int // offset in the file of the token last read
}

// next reads a token and where it starts.
func (j *jsonEval) next() (json.Token, error) {
	from := j.base + int(j.dec.InputOffset())
	tok, err := j.dec.Token()
	for from < len(j.src) && strings.IndexByte(" \t\r\n,:", j.src[from]) >= 0 {
		from++
	}
	j.start = from
	return tok, err
}

func (j *jsonEval) value(tok json.Token) (cty.Value, hcl.Diagnostics) {
	switch t := tok.(type) {
	case string:
		return j.template(t, j.start)
	case json.Number:
		v, err := cty.ParseNumberVal(string(t))
		if err != nil {
			return cty.DynamicVal, nil
		}
		return v, nil
	case bool:
		return cty.BoolVal(t), nil
	case nil:
		return cty.NullVal(cty.DynamicPseudoType), nil
	case json.Delim:
		switch t {
		case '[':
			var vals []cty.Value
			var diags hcl.Diagnostics
			for j.dec.More() {
				tok, err := j.next()
				if err != nil {
					return cty.DynamicVal, diags
				}
				v, d := j.value(tok)
				diags = append(diags, d...)
				vals = append(vals, v)
			}
			j.next() // ]
			return cty.TupleVal(vals), diags
		case '{':
			attrs := map[string]cty.Value{}
			var diags hcl.Diagnostics
			known := true
			for j.dec.More() {
				ktok, err := j.next()
				k, isString := ktok.(string)
				if err != nil || !isString {
					return cty.DynamicVal, diags
				}
				name, d := j.template(k, j.start)
				diags = append(diags, d...)
				vtok, err := j.next()
				if err != nil {
					return cty.DynamicVal, diags
				}
				v, d := j.value(vtok)
				diags = append(diags, d...)
				switch {
				case !name.IsKnown():
					known = false
				case name.Type() != cty.String || name.IsNull():
					diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid object key expression"})
				default:
					if _, dup := attrs[name.AsString()]; dup {
						diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate object attribute"})
					}
					attrs[name.AsString()] = v
				}
			}
			j.next() // }
			if !known {
				return cty.DynamicVal, diags
			}
			return cty.ObjectVal(attrs), diags
		}
	}
	return cty.DynamicVal, nil
}

// jsonTemplate is a string of a JSON-syntax file, parsed once.
type jsonTemplate struct {
	expr  hclsyntax.Expression
	diags hcl.Diagnostics
}

// template evaluates s, a string starting at offset at in the file.
func (j *jsonEval) template(s string, at int) (cty.Value, hcl.Diagnostics) {
	if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
		return cty.StringVal(s), nil
	}
	key := jsonKey{j.file, at}
	t, ok := j.s.jsonTemplates[key]
	if !ok {
		t = &jsonTemplate{}
		line, col := j.s.position(j.file, at)
		// Escapes removed while decoding shift columns; lines stay right.
		t.expr, t.diags = hclsyntax.ParseTemplate([]byte(s), j.file, hcl.Pos{Line: line, Column: col + 1, Byte: at + 1})
		if !t.diags.HasErrors() {
			instrument(t.expr)
		}
		j.s.jsonTemplates[key] = t
	}
	if t.diags.HasErrors() {
		return cty.DynamicVal, t.diags
	}
	return t.expr.Value(j.ctx)
}

type jsonKey struct {
	file string
	at   int
}

// position is the 1-based line and column of a byte offset of a file.
func (s *scanner) position(file string, at int) (int, int) {
	starts, ok := s.lineStarts[file]
	if !ok {
		starts = []int{0}
		for i, c := range s.sources[file] {
			if c == '\n' {
				starts = append(starts, i+1)
			}
		}
		s.lineStarts[file] = starts
	}
	n := sort.SearchInts(starts, at+1) // lines starting at or before at
	return n, at - starts[n-1] + 1
}
