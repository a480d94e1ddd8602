package file

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func deep(open, close string, n int) string {
	return strings.Repeat(open, n) + strings.Repeat(close, n)
}

// TestNestingLimitIsExact pins the boundary where plain brackets count
// one level each.
func TestNestingLimitIsExact(t *testing.T) {
	for _, tc := range []struct {
		syn  Syntax
		text func(n int) string
	}{
		{HCL, func(n int) string { return "x = " + deep("[", "]", n) + "\n" }},
		{JSON, func(n int) string { return deep("[", "]", n) }},
		{HCLJSON, func(n int) string { return deep("[", "]", n) }},
	} {
		if e := CheckShape("f", []byte(tc.text(MaxNesting)), tc.syn); e != nil {
			t.Errorf("syntax %d: %d levels must pass: %v", tc.syn, MaxNesting, e)
		}
		if e := CheckShape("f", []byte(tc.text(MaxNesting+1)), tc.syn); e == nil {
			t.Errorf("syntax %d: %d levels must fail", tc.syn, MaxNesting+1)
		}
	}
}

// TestDeepShapesAreCaught covers every way each syntax nests, with the
// line where the limit is crossed.
func TestDeepShapesAreCaught(t *testing.T) {
	n := MaxNesting + 10
	for _, tc := range []struct {
		name string
		syn  Syntax
		text string
		line int
	}{
		{"hcl brackets", HCL, "a = 1\nx = " + deep("[", "]", 100000), 2},
		{"hcl braces", HCL, "locals {\n  x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n}\n", 2},
		{"hcl blocks", HCL, strings.Repeat("a {\n", n) + strings.Repeat("}\n", n), MaxNesting},
		{"hcl calls", HCL, "x = " + strings.Repeat("f(", n) + "1" + strings.Repeat(")", n), 1},
		{"hcl unary", HCL, "\n\nx = " + strings.Repeat("!", 100000) + "true\n", 3},
		{"hcl negation", HCL, "x = " + strings.Repeat("- ", n) + "1\n", 1},
		{"hcl number minus chain", HCL, "x = 1" + strings.Repeat("-1", n) + "\n", 1},
		{"hcl binary", HCL, "x = 1" + strings.Repeat(" + 1", n) + "\n", 1},
		{"hcl comparison", HCL, "x = 1" + strings.Repeat(" == 1", n) + "\n", 1},
		{"hcl logic", HCL, "x = a" + strings.Repeat(" && b || c", n/2+1) + "\n", 1},
		{"hcl ternary", HCL, "x = " + strings.Repeat("true ? 1 : ", n) + "1\n", 1},
		{"hcl ternary over lines", HCL, "x = (\n" + strings.Repeat("true ? 1 :\n", n) + "1)\n", MaxNesting},
		{"hcl index chain", HCL, "x = a" + strings.Repeat("[0]", n) + "\n", 1},
		{"hcl interpolation", HCL, "x = " + strings.Repeat(`"${`, n) + "1" + strings.Repeat(`}"`, n) + "\n", 1},
		{"hcl heredoc", HCL, "x = <<EOT\n" + strings.Repeat("${[", n) + "\nEOT\n", 2},
		{"hcl directives", HCL, "x = <<-EOT\n" + strings.Repeat("%{ if true }\n", n) + "EOT\n", MaxNesting},
		{"template directives", HCLTemplate, strings.Repeat("%{for x in y}", n), 1},
		{"template interpolation", HCLTemplate, "a\n${" + deep("(", ")", n) + "}", 2},
		{"json", JSON, "{\n\"a\":\n" + deep("[", "]", n) + "}", 3},
		{"json objects", JSON, strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n), 1},
		{"tf.json brackets", HCLJSON, `{"locals": {"x": ` + deep("[", "]", n) + "}}", 1},
		{"tf.json template", HCLJSON, "{\"locals\": {\n\"x\": \"${" + deep("[", "]", n) + "}\"}}", 2},
		{"yaml flow", YAML, "a: 1\nb: " + deep("[", "]", 100000) + "\n", 2},
		{"yaml flow over lines", YAML, "a:\n" + strings.Repeat("  - [\n", n) + "\n", MaxNesting},
		{"yaml block", YAML, yamlBlock(n), MaxNesting},
		{"yaml dashes", YAML, "a:\n  " + strings.Repeat("- ", n) + "x\n", 2},
		{"yaml key and dash", YAML, yamlKeyDash(n), MaxNesting},
		{"yaml json", YAML, `{"a": ` + deep("{\"b\": [", "]}", n/2+1) + "}", 1},
	} {
		e := CheckShape("f.x", []byte(tc.text), tc.syn)
		if e == nil {
			t.Errorf("%s: not caught", tc.name)
			continue
		}
		if e.File != "f.x" || e.Line < tc.line-2 || e.Line > tc.line+2 || !strings.Contains(e.Message, "nesting deeper than") {
			t.Errorf("%s: want f.x near line %d, got %v", tc.name, tc.line, e)
		}
	}
}

func yamlBlock(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func yamlKeyDash(n int) string {
	var b strings.Builder
	for i := 0; i < n/2+1; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n" + strings.Repeat(" ", i) + "- \n")
	}
	return strings.ReplaceAll(b.String(), "- \n", "-\n")
}

// TestWideFilesAreNotDeep guards against counting siblings, text in
// strings, comments, heredocs and block scalars as nesting.
func TestWideFilesAreNotDeep(t *testing.T) {
	many := func(s string) string { return strings.Repeat(s, 5*MaxNesting) }
	for _, tc := range []struct {
		name string
		syn  Syntax
		text string
	}{
		{"hcl attributes with operators", HCL, "locals {\n" + many("  a = !b && c || d ? -1 : 2 + 3 * 4 / 5 % 6 - x.y-z\n") + "}\n"},
		{"hcl dashed names and exponents", HCL, "x = a" + strings.Repeat("-b1", 2*MaxNesting) + " + 1e-5 + 2E-3\n"},
		{"hcl list items", HCL, "x = [\n" + many("  { a = 1 + 2, b = [c[0], d[*].e] },\n") + "]\n"},
		{"hcl call arguments", HCL, "x = f(" + many("a - b, ") + "1)\n"},
		{"hcl long condition", HCL, "x = (a" + strings.Repeat(" &&\n  b", MaxNesting-5) + ")\n"},
		{"hcl blocks", HCL, many("resource \"a\" \"b\" {\n  x { y = 1 }\n  z = [for k, v in m : k => v if v != null]\n}\n")},
		{"hcl strings", HCL, "x = \"" + many("[{(!?-+") + "\"\ny = \"${a}$${[[[\" # [[[\n// ((((\n/* {{{{ */\n"},
		{"hcl heredoc", HCL, "x = <<-EOT\n" + many("  [[[{{{((( ! ? - +\n") + "  EOT\ny = 1\n"},
		{"hcl template text", HCLTemplate, many("[[{{ !!! ??? ${a} %{ if b }x%{ endif }\n")},
		{"json strings", JSON, "[" + many(`"[[[{{{\"[[", `) + "1]"},
		{"tf.json templates", HCLJSON, `{"a": [` + many(`"${x[0]} ${y(1, 2)}", `) + "1]}"},
		{"yaml keys", YAML, many("a: 1\nb:\n  - c: [1, 2]\n    d: {e: f}\n")},
		{"yaml quotes and comments", YAML, many("a: 'it''s [['\nb: \"[[ \\\" {{\"\nc: it's [[ plain # [[[\n# [[[\n")},
		{"yaml block scalar", YAML, "a: |\n" + many("  [[[ {{{ - - - x: [\n") + "b: 1\n"},
		{"yaml tagged block scalar", YAML, "a: !Sub |\n" + many("  if [[ -f x ]]; then {\n") + "b: !Ref c\n"},
		{"yaml sequence block scalar", YAML, "a:\n- |\n" + many("  {{{ [[\n") + "- >-\n" + many("  ((( [[\n")},
	} {
		if e := CheckShape("f", []byte(tc.text), tc.syn); e != nil {
			t.Errorf("%s: %v", tc.name, e)
		}
	}
}

// TestTooManyTokens: a file the parsers would need gigabytes for is
// refused where the count passes MaxTokens, in every syntax but native
// HCL, which is parsed piece by piece up to the bound instead.
func TestTooManyTokens(t *testing.T) {
	list := strings.Repeat("1,", MaxTokens/2+10) + "1"
	for _, tc := range []struct {
		syn  Syntax
		text string
	}{
		{JSON, "{\n\"a\": [" + list + "]}"},
		{HCLJSON, "{\n\"a\": [" + list + "]}"},
		{YAML, "a: 1\nb: [" + list + "]\n"},
		{YAML, "a:\n" + strings.Repeat("- 1\n", MaxTokens/2+10)},
		{HCLTemplate, strings.Repeat("${a}\n", MaxTokens/2+10)},
	} {
		e := CheckShape("f", []byte(tc.text), tc.syn)
		if e == nil || !strings.Contains(e.Message, "more than 2000000 tokens") || e.Line < 2 {
			t.Errorf("syntax %d: %v", tc.syn, e)
		}
	}
	if e := CheckShape("f", []byte("x = ["+list+"]"), HCL); e != nil {
		t.Errorf("native HCL is bounded by pieces, not refused: %v", e)
	}
	// x = [ 1 , 2 , 3 ] and a newline: 10 tokens a line.
	text := []byte(strings.Repeat("x = [1, 2, 3]\n", 1000))
	pieces := HCLPieces(text, 1000)
	for i, p := range pieces {
		to := len(text)
		if i+1 < len(pieces) {
			to = pieces[i+1].From
		}
		if lines := strings.Count(string(text[p.From:to]), "\n"); p.Tokens != 10*lines {
			t.Errorf("piece %d: %d tokens for %d lines", i, p.Tokens, lines)
		}
	}
	if len(pieces) < 10 {
		t.Errorf("pieces: %d", len(pieces))
	}
}

// TestRepositoryFilesPass runs the check over every IaC-like file in this
// repository (examples, fixtures, rule tests, worlds): none is deep.
func TestRepositoryFilesPass(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		var syn Syntax
		switch n := d.Name(); {
		case strings.HasSuffix(n, ".tf.json"):
			syn = HCLJSON
		case strings.HasSuffix(n, ".tf"), strings.HasSuffix(n, ".tfvars"):
			syn = HCL
		case strings.HasSuffix(n, ".json"), strings.HasSuffix(n, ".yaml"), strings.HasSuffix(n, ".yml"), strings.HasSuffix(n, ".template"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			syn = SyntaxOf(n, data)
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		if e := CheckShape(p, data, syn); e != nil {
			t.Errorf("false positive: %v", e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked; is the walk rooted right?", checked)
	}
}

// FuzzCheckShape: the scanners never panic, and the pieces HCLPieces
// cuts start at line starts, in order, their tokens adding up to the
// file's.
func FuzzCheckShape(f *testing.F) {
	f.Add([]byte("a = [1, { b = \"${c}\" }]\nx = <<EOT\n${[\nEOT\n"))
	f.Add([]byte("a:\n  - [b, {c: 'd'}]\n  - |\n    text [\n"))
	f.Add([]byte(`{"a": ["${x}", {"b": "\"]"}]}`))
	f.Add([]byte(strings.Repeat("[", MaxNesting+1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, syn := range []Syntax{HCL, HCLTemplate, HCLJSON, JSON, YAML} {
			if e := CheckShape("f", data, syn); e != nil && (e.Line < 1 || e.Line > strings.Count(string(data), "\n")+1) {
				t.Fatalf("syntax %d: line %d out of the file", syn, e.Line)
			}
		}
		pieces := HCLPieces(data, 16)
		sum := 0
		for i, p := range pieces {
			if i > 0 && (p.From <= pieces[i-1].From || p.From > len(data) || data[p.From-1] != '\n') {
				t.Fatalf("piece %d starts at %d: %v", i, p.From, pieces)
			}
			sum += p.Tokens
		}
		if sc := hclScan(data, false, nil); sc.deepAt == 0 && sum != sc.tokens {
			t.Fatalf("pieces hold %d tokens, the file %d", sum, sc.tokens)
		}
	})
}
