package terraform

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

const goodTF = `resource "aws_s3_bucket" "good" {
  bucket = "good"
}
`

// probe scans files (name -> text) in a fresh directory. Each hostile
// input must end; a regression fails after a minute instead of hanging.
func probe(t *testing.T, files map[string]string) (map[string]*instance.Instance, []error) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		write(t, filepath.Join(dir, name), text)
	}
	type result struct {
		insts []*instance.Instance
		errs  []error
	}
	done := make(chan result, 1)
	go func() {
		insts, errs := Scan(dir, []string{dir}, Options{})
		done <- result{insts, errs}
	}()
	select {
	case r := <-done:
		m := map[string]*instance.Instance{}
		for _, in := range r.insts {
			m[in.Address] = in
		}
		return m, r.errs
	case <-time.After(60 * time.Second):
		t.Fatal("the scan did not end within a minute")
		return nil, nil
	}
}

// wantWarning asserts one warning at file:line (line 0: any line) that
// contains text, and that the good file was still scanned.
func wantWarning(t *testing.T, m map[string]*instance.Instance, errs []error, at, text string) {
	t.Helper()
	found := false
	for _, e := range errs {
		if strings.HasPrefix(e.Error(), at) && strings.Contains(e.Error(), text) {
			found = true
		}
	}
	if !found {
		t.Errorf("want a warning %q... containing %q, got:\n%s", at, text, errText(errs))
	}
	if g := m["aws_s3_bucket.good"]; g == nil || g.Values["bucket"] != "good" {
		t.Errorf("the good file must still be scanned: %v", m["aws_s3_bucket.good"])
	}
}

func TestDeepNestingIsRefusedBeforeParsing(t *testing.T) {
	for name, text := range map[string]string{
		"brackets.tf":      "locals {\n  x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n}\n",
		"unary.tf":         "locals {\n  x = " + strings.Repeat("!", 200000) + "true\n}\n",
		"binary.tf":        "locals {\n  x = 1" + strings.Repeat(" + 1", 100000) + "\n}\n",
		"ternary.tf":       "locals {\n  x = " + strings.Repeat("true ? 1 : ", 50000) + "1\n}\n",
		"template.tf":      "locals {\n  x = \"" + strings.Repeat("${\"", 50000) + strings.Repeat("\"}", 50000) + "\"\n}\n",
		"deep.tf.json":     `{"locals": {"x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}}",
		"tmpl.tf.json":     "{\"locals\": {\n\"x\": \"${" + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}\"}}",
		"vars.auto.tfvars": "x = " + strings.Repeat("{a = ", 100000) + "1" + strings.Repeat("}", 100000) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			m, errs := probe(t, map[string]string{name: text, "good.tf": goodTF})
			line := "2"
			switch name {
			case "deep.tf.json", "vars.auto.tfvars":
				line = "1"
			}
			wantWarning(t, m, errs, name+":"+line+": ", "nesting deeper than 500 levels")
		})
	}
}

func TestBinaryFileGivesOneWarning(t *testing.T) {
	bin := make([]byte, 200_000)
	for i := range bin {
		bin[i] = byte(i*7919 + i/251)
	}
	m, errs := probe(t, map[string]string{"blob.tf": string(bin), "blob.tf.json": string(bin), "good.tf": goodTF})
	wantWarning(t, m, errs, "blob.tf: ", "not a text file")
	wantWarning(t, m, errs, "blob.tf.json: ", "not a text file")
	if len(errs) != 2 {
		t.Errorf("one warning per binary file, got %d:\n%s", len(errs), errText(errs))
	}
}

func TestHugeForEachIsCapped(t *testing.T) {
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "main.tf": `locals {
  xs = [for i in range(1000) : [for j in range(20) : "${i}-${j}"]]
}
resource "aws_s3_bucket" "b" {
  for_each = toset(flatten(local.xs))
  bucket   = each.key
}
`})
	wantWarning(t, m, errs, "main.tf:4: ", "for_each over 20000 elements exceeds 10000")
	n := 0
	for a := range m {
		if strings.HasPrefix(a, "aws_s3_bucket.b[") {
			n++
		}
	}
	if want := min(maxInstances, file.MaxResources); n != want {
		t.Errorf("want %d instances, got %d", want, n)
	}
}

// TestHugeValuesAreBounded covers the ways a few lines build a value far
// larger than the file: each ends unknown, with a warning where it is
// built.
func TestHugeValuesAreBounded(t *testing.T) {
	for _, tc := range []struct{ name, expr, warning string }{
		{"setproduct", `setproduct(range(1000), range(1000))`, "setproduct() would build 1000000 elements"},
		{"split", `split("", format("%01000000d", 0))`, "split() would build 1000000 elements"},
		{"format width", `format("%0999999999d", 1)`, "format() would build a string"},
		{"formatlist", `formatlist("%0100000d", range(1000))`, "formatlist() would build a string"},
		{"indent", `indent(100000000, "a\nb")`, "indent() would build a string"},
		{"flatten of a nested for", `flatten([for i in range(1000) : [for j in range(1000) : j]])`, ""},
		{"nested for", `[for i in range(1000) : [for j in range(1000) : [for k in range(1000) : k]]]`, "work limit"},
		{"deep json", `jsondecode("` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `")`, "jsondecode(): the document nests deeper than 500"},
		{"long literal", `toset([` + strings.Repeat("1,", 200000) + `1])`, "a value of 200001 elements exceeds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, errs := probe(t, map[string]string{"good.tf": goodTF, "main.tf": `locals {
  v = ` + tc.expr + `
}
resource "aws_s3_bucket" "b" {
  bucket = tostring(length(local.v))
}
`})
			wantWarning(t, m, errs, "main.tf:2: ", tc.warning)
			if v := m["aws_s3_bucket.b"]; v == nil || !instance.IsUnknown(v.Values["bucket"]) {
				t.Errorf("the bounded value must be unknown: %+v", v)
			}
		})
	}
}

func TestStringDoublingIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("locals {\n  s0 = \"0123456789abcdef\"\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "  s%d = \"${local.s%d}${local.s%d}\"\n", i, i-1, i-1)
	}
	b.WriteString("}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.s40\n}\n")
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "main.tf": b.String()})
	// s20 is the first string over 10 MiB (16 << 20 bytes).
	wantWarning(t, m, errs, "main.tf:22: ", "a string of 16777216 bytes exceeds")
	if v := m["aws_s3_bucket.b"]; v == nil || !instance.IsUnknown(v.Values["bucket"]) {
		t.Errorf("the doubled string must be unknown: %+v", v)
	}
}

func TestReferenceChainsAreBounded(t *testing.T) {
	const n = 20000
	var locals, resources strings.Builder
	locals.WriteString("locals {\n  a0 = 1\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&locals, "  a%d = local.a%d + 1\n", i, i-1)
	}
	fmt.Fprintf(&locals, "}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = tostring(local.a%d)\n}\n", n-1)
	// Declared so that the first evaluated reads the whole chain.
	for i := 0; i < 1999; i++ {
		fmt.Fprintf(&resources, "resource \"aws_x\" \"r%d\" {\n  v = aws_x.r%d.v\n}\n", i, i+1)
	}
	resources.WriteString("resource \"aws_x\" \"r1999\" {\n  v = 1\n}\n")
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "locals.tf": locals.String(), "resources.tf": resources.String()})
	wantWarning(t, m, errs, "", "references chain more than 500 deep")
	if v := m["aws_s3_bucket.b"]; v == nil || !instance.IsUnknown(v.Values["bucket"]) {
		t.Errorf("the end of the chain must be unknown: %+v", v)
	}
	if v := m["aws_x.r0"]; v == nil || !instance.IsUnknown(v.Values["v"]) {
		t.Errorf("the end of the resource chain must be unknown: %+v", v)
	}
	if v := m["aws_x.r1998"]; v == nil || v.Values["v"] != 1.0 {
		t.Errorf("a short chain stays known: %+v", v)
	}
}

func TestModuleInstancesAreBounded(t *testing.T) {
	// 9,999 instances of a, then the first a's call of b makes the last
	// instance the bound allows, and its module.b holds that one.
	m, errs := probe(t, map[string]string{"good.tf": goodTF,
		"main.tf": `module "a" {
  source = "./a"
  count  = 9999
}
resource "aws_x" "reads" {
  v = length(module.a)
  w = module.a[0].n
}
`,
		"a/main.tf": "module \"b\" {\n  source   = \"../b\"\n  for_each = toset([\"x\", \"y\"])\n}\noutput \"n\" {\n  value = length(module.b)\n}\n",
		"b/main.tf": "resource \"aws_x\" \"r\" {\n  count = 10000\n  v     = count.index\n}\n",
	})
	wantWarning(t, m, errs, "a/main.tf:1: ", "more than 10000 module instances")
	if r := m["aws_x.reads"]; r == nil || r.Values["v"] != 9999.0 || r.Values["w"] != 1.0 {
		t.Errorf("module.a and module.b hold the instances made: %+v", r)
	}
	if n := len(m) - 2; n != file.MaxResources {
		t.Errorf("the one instance of b makes b/main.tf's %d resources, got %d", file.MaxResources, n)
	}
}

func TestResourcesPerFileAreBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "resource \"aws_x\" \"r%d\" {\n  count = %d\n  v = count.index\n}\n", i, file.MaxResources*3/4)
	}
	b.WriteString("resource \"aws_x\" \"last\" {\n  v = length(aws_x.r1)\n}\n")
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "many.tf": b.String()})
	wantWarning(t, m, errs, "many.tf:5: ", fmt.Sprintf("more than %d resource instances in this file", file.MaxResources))
	if len(m) != file.MaxResources+1 {
		t.Errorf("want %d instances of many.tf and the good one, got %d", file.MaxResources, len(m))
	}
}

// TestFastConvertAgreesWithConvert: the linear path gives what cty gives.
func TestFastConvertAgreesWithConvert(t *testing.T) {
	obj := func(k string) cty.Value { return cty.ObjectVal(map[string]cty.Value{"k": cty.StringVal(k)}) }
	for _, tc := range []struct {
		v  cty.Value
		ty cty.Type
	}{
		{cty.TupleVal([]cty.Value{cty.StringVal("b"), cty.StringVal("a"), cty.StringVal("b")}), cty.Set(cty.DynamicPseudoType)},
		{cty.TupleVal([]cty.Value{cty.StringVal("b"), cty.StringVal("a")}), cty.List(cty.DynamicPseudoType)},
		{cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)}), cty.List(cty.String)},
		{cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.StringVal("x")}), cty.List(cty.String)},
		{cty.TupleVal([]cty.Value{obj("a"), obj("b")}), cty.Set(cty.DynamicPseudoType)},
		{cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.UnknownVal(cty.String)}), cty.Set(cty.String)},
		{cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.DynamicVal}), cty.List(cty.String)},
		{cty.ObjectVal(map[string]cty.Value{"a": cty.StringVal("x"), "b": cty.StringVal("y")}), cty.Map(cty.DynamicPseudoType)},
		{cty.EmptyTupleVal, cty.List(cty.String)},
		{cty.StringVal("x"), cty.List(cty.String)},
	} {
		want, werr := convert.Convert(tc.v, tc.ty)
		got, gerr := fastConvert(tc.v, tc.ty)
		if (werr == nil) != (gerr == nil) || (werr == nil && !got.RawEquals(want)) {
			t.Errorf("%#v to %#v: got %#v, %v; want %#v, %v", tc.v, tc.ty, got, gerr, want, werr)
		}
	}
}

// TestJSONSyntaxEvaluatesLikeHCLJSON: the .tf.json evaluator that makes
// templates bounded gives what hcl/json gives.
func TestJSONSyntaxEvaluatesLikeHCLJSON(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf.json"), `{
  "locals": {
    "name": "app",
    "n": 3,
    "big": 12345678901234567890.5,
    "flag": true,
    "none": null,
    "esc": "a \"quoted\" \u00e9 $${literal} %%{x}",
    "list": ["x-${local.name}", 1, false, null, ["nested", {"k": "${upper(local.name)}"}]],
    "obj": {"${local.name}-key": "v", "plain": "${local.n + 1}"},
    "loop": "${join(\",\", [for i in range(local.n) : \"i${i}\"])}",
    "dir": "%{ for i in range(2) }[${i}]%{ endfor }",
    "bad": "${nosuchfn(1)}",
    "unknown_key": {"${timestamp()}": 1}
  },
  "resource": {"aws_x": {"a": {"v": "${local.loop}"}}}
}`)
	s := newScanner(dir, Options{})
	m := s.loadModule(s.root)
	if len(s.errs) != 0 {
		t.Fatalf("errors: %v", s.errs)
	}
	sc := newRootScope(s, m, nil)
	if len(m.locals) != 12 {
		t.Fatalf("locals: %d", len(m.locals))
	}
	for name, a := range m.locals {
		ctx := sc.ctxFor(s.traversals(a.Expr), nil)
		want, wd := a.Expr.Value(ctx)
		got, gd := sc.jsonValue(a.Expr, ctx)
		if wd.HasErrors() != gd.HasErrors() || (!wd.HasErrors() && !got.RawEquals(want)) {
			t.Errorf("%s: got %#v (%v), want %#v (%v)", name, got, gd, want, wd)
		}
	}
	if sc.local("loop").AsString() != "i0,i1,i2" {
		t.Errorf("loop: %#v", sc.local("loop"))
	}
}

func TestJSONSyntaxTemplatesAreBounded(t *testing.T) {
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "main.tf.json": `{"resource": {"aws_s3_bucket": {"b": {
  "bucket": "${length(flatten([for a in range(300) : [for b in range(300) : [for c in range(300) : c]]]))}"}}}}`})
	wantWarning(t, m, errs, "main.tf.json:2: ", "work limit")
	if v := m["aws_s3_bucket.b"]; v == nil || !instance.IsUnknown(v.Values["bucket"]) {
		t.Errorf("the bounded value must be unknown: %+v", v)
	}
}
