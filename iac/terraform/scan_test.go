package terraform

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// scanDirs scans the given testdata subdirectories under root.
func scanDirs(t *testing.T, root string, opts Options, dirs ...string) (map[string]*instance.Instance, []error) {
	t.Helper()
	root, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	var abs []string
	for _, d := range dirs {
		abs = append(abs, filepath.Join(root, d))
	}
	insts, errs := Scan(root, abs, opts)
	out := map[string]*instance.Instance{}
	for _, in := range insts {
		if _, dup := out[in.Address]; dup {
			t.Errorf("duplicate address %s", in.Address)
		}
		out[in.Address] = in
	}
	return out, errs
}

func must(t *testing.T, m map[string]*instance.Instance, addr string) *instance.Instance {
	t.Helper()
	in := m[addr]
	if in == nil {
		var have []string
		for k := range m {
			have = append(have, k)
		}
		t.Fatalf("no instance %s; have %v", addr, have)
	}
	return in
}

func errText(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

func TestModules(t *testing.T) {
	m, errs := scanDirs(t, "testdata/modules", Options{}, ".", "modules/app", "modules/leaf", ".terraform/modules/vpc")
	if len(m) != 9 {
		t.Errorf("want 9 instances, got %d: %v", len(m), m)
	}
	b := must(t, m, "module.app.aws_s3_bucket.this")
	if b.Module != "module.app" || b.Values["bucket"] != "shop-data" || b.File != "modules/app/main.tf" {
		t.Errorf("app bucket: %+v", b)
	}
	if r := b.AttrRanges["acl"]; r.File != "modules/app/main.tf" || r.StartLine != 10 {
		t.Errorf("acl range inside module: %+v", r)
	}
	if b.Range.StartLine != 8 || b.Range.EndLine != 11 {
		t.Errorf("block range: %+v", b.Range)
	}
	q := must(t, m, "module.app.module.leaf.aws_sqs_queue.q")
	if q.Module != "module.app.module.leaf" || q.Values["name"] != "shop-queue" {
		t.Errorf("nested: %+v", q)
	}
	for i, want := range []string{"multi-0-queue", "multi-1-queue"} {
		in := must(t, m, "module.multi["+string(rune('0'+i))+"].aws_sqs_queue.q")
		if in.Values["name"] != want || in.Module != "module.multi" {
			t.Errorf("counted module %d: %+v", i, in)
		}
	}
	sub := must(t, m, "module.vpc.aws_subnet.a")
	if sub.Values["cidr_block"] != "10.1.1.0/24" || sub.File != ".terraform/modules/vpc/main.tf" {
		t.Errorf("registry module subnet: %+v", sub)
	}
	if !reflect.DeepEqual(sub.Refs["vpc_id"], []string{"module.vpc.aws_vpc.this"}) {
		t.Errorf("refs in module: %v", sub.Refs)
	}
	if sub.Values["vpc_id"] != "module.vpc.aws_vpc.this.id" {
		t.Errorf("id placeholder: %v", sub.Values["vpc_id"])
	}
	pol := must(t, m, "aws_s3_bucket_policy.app")
	if pol.Values["bucket"] != "shop-data" {
		t.Errorf("module output: %v", pol.Values["bucket"])
	}
	if s, _ := pol.Values["policy"].(string); !strings.Contains(s, `"Resource":"module.app.aws_s3_bucket.this.arn"`) {
		t.Errorf("policy through output: %v", pol.Values["policy"])
	}
	if v := must(t, m, "aws_s3_bucket.uses_missing").Values["bucket"]; !instance.IsUnknown(v) {
		t.Errorf("missing module output should be unknown: %v", v)
	}
	if v := must(t, m, "aws_sqs_queue.names").Values["name"]; v != "shop-queue,multi-1-queue" {
		t.Errorf("nested output chain: %v", v)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "main.tf:12: ") || !strings.Contains(errs[0].Error(), `"missing"`) {
		t.Errorf("want one missing-module error at main.tf:12, got:\n%s", errText(errs))
	}
}

func TestExpansion(t *testing.T) {
	m, errs := scanDirs(t, "testdata/expand", Options{}, ".")
	if len(errs) != 0 {
		t.Errorf("errors:\n%s", errText(errs))
	}
	for i, want := range []string{"b-0", "b-1"} {
		addr := "aws_s3_bucket.counted[" + string(rune('0'+i)) + "]"
		b := must(t, m, addr)
		if b.Values["bucket"] != want || b.Key != i || b.Name != "counted" {
			t.Errorf("%s: %+v", addr, b)
		}
		acl := must(t, m, "aws_s3_bucket_acl.counted["+string(rune('0'+i))+"]")
		if acl.Values["bucket"] != want || !reflect.DeepEqual(acl.Refs["bucket"], []string{"aws_s3_bucket.counted"}) {
			t.Errorf("acl %d: %v %v", i, acl.Values, acl.Refs)
		}
	}
	for _, k := range []string{"a", "b"} {
		b := must(t, m, `aws_s3_bucket.each_set["`+k+`"]`)
		if b.Values["bucket"] != "set-"+k || b.Key != k {
			t.Errorf("for_each set %s: %+v", k, b)
		}
	}
	sg := must(t, m, `aws_security_group.web["http"]`)
	ingress := sg.Values["ingress"].([]any)
	var ports []any
	for _, b := range ingress {
		ports = append(ports, b.(map[string]any)["from_port"])
	}
	if !reflect.DeepEqual(ports, []any{80.0, 8080.0, 22.0}) {
		t.Errorf("dynamic + static ingress ports: %v", ports)
	}
	if cb := ingress[0].(map[string]any)["cidr_blocks"]; !reflect.DeepEqual(cb, []any{"0.0.0.0/0"}) {
		t.Errorf("cidr_blocks: %v", cb)
	}
	if r := sg.AttrRanges["ingress[0]"]; r.StartLine != 33 || r.EndLine != 37 {
		t.Errorf("dynamic block range is its content: %+v", r)
	}
	if r := sg.AttrRanges["ingress[2].from_port"]; r.StartLine != 41 {
		t.Errorf("static block attribute range: %+v", r)
	}
	if r := sg.AttrRanges["ingress[1].cidr_blocks"]; r.StartLine != 36 {
		t.Errorf("dynamic attribute range: %+v", r)
	}
	eg := sg.Values["egress"].([]any)
	if len(eg) != 2 || eg[1].(map[string]any)["description"] != "to b #1" {
		t.Errorf("iterator: %v", eg)
	}
	if must(t, m, `aws_security_group.web["https"]`).Values["ingress"].([]any)[0].(map[string]any)["from_port"] != 443.0 {
		t.Errorf("each.value inside dynamic")
	}
	maybe := must(t, m, "aws_s3_bucket.maybe")
	if maybe.Key != nil || maybe.Values["bucket"] != "maybe-0" {
		t.Errorf("unknown count: %+v", maybe)
	}
	for a := range m {
		if strings.HasPrefix(a, "aws_s3_bucket.none") {
			t.Errorf("count = 0 produced %s", a)
		}
	}
	ud := must(t, m, "aws_security_group.unknown_dyn").Values["ingress"].([]any)
	if len(ud) != 1 || !instance.IsUnknown(ud[0].(map[string]any)["from_port"]) {
		t.Errorf("unknown dynamic for_each: %v", ud)
	}
}

func TestVariablePrecedence(t *testing.T) {
	opts := Options{
		VarFiles: []string{"testdata/vars-extra.tfvars"},
		Vars:     map[string]string{"e": "cli", "n": "42", "l": `["x", "y"]`},
	}
	m, errs := scanDirs(t, "testdata/vars", opts, ".")
	if len(errs) != 0 {
		t.Errorf("errors:\n%s", errText(errs))
	}
	v := must(t, m, "aws_x.v").Values
	want := map[string]any{"a": "default", "b": "tfvars", "c": "auto", "d": "varfile", "e": "cli", "n": 42.0, "l": []any{"x", "y"}}
	for k, w := range want {
		if !reflect.DeepEqual(v[k], w) {
			t.Errorf("%s = %#v, want %#v", k, v[k], w)
		}
	}
	if !instance.IsUnknown(v["u"]) || !instance.IsUnknown(v["s"]) {
		t.Errorf("variable without value should be unknown: u=%v s=%v", v["u"], v["s"])
	}
}

func TestEvaluation(t *testing.T) {
	m, errs := scanDirs(t, "testdata/eval", Options{}, ".")
	b := must(t, m, "aws_s3_bucket.logs")
	if b.Values["bucket"] != "prod-app-logs" || !reflect.DeepEqual(b.Values["tags"], map[string]any{"Env": "prod", "Team": "sec"}) {
		t.Errorf("locals chain: %v", b.Values)
	}
	acl := must(t, m, "aws_s3_bucket_acl.logs")
	if acl.Values["bucket"] != "prod-app-logs" {
		t.Errorf("bucket id through local: %v", acl.Values["bucket"])
	}
	if !reflect.DeepEqual(acl.Refs["bucket"], []string{"aws_s3_bucket.logs"}) {
		t.Errorf("refs through local: %v", acl.Refs)
	}
	if len(acl.Ignores) != 1 || acl.Ignores[0].RuleID != "AWS-S3-001" || acl.Ignores[0].Reason != "public on purpose" {
		t.Errorf("ignores: %+v", acl.Ignores)
	}
	if len(b.Ignores) != 0 {
		t.Errorf("ignore leaked to the bucket: %+v", b.Ignores)
	}
	pol := must(t, m, "aws_s3_bucket_policy.logs")
	if !reflect.DeepEqual(pol.Refs["policy"], []string{"data.aws_iam_policy_document.logs"}) {
		t.Errorf("policy refs: %v", pol.Refs)
	}
	text, ok := pol.Values["policy"].(string)
	if !ok {
		t.Fatalf("policy document json not known: %v", pol.Values["policy"])
	}
	doc, err := model.ParsePolicyDocument(text)
	if err != nil {
		t.Fatalf("policy json: %v\n%s", err, text)
	}
	if len(doc.Statements) != 2 {
		t.Fatalf("statements: %s", text)
	}
	for _, want := range []string{`"Principal":"*"`, `"Resource":"aws_s3_bucket.logs.arn/*"`, `"Sid":"Public"`, `"Effect":"Allow"`,
		`"Condition":{"Bool":{"aws:SecureTransport":"true"}}`, `"Effect":"Deny"`, `"NotAction":"s3:*"`,
		`"Principal":{"AWS":"arn:aws:iam::123456789012:root"}`} {
		if !strings.Contains(text, want) {
			t.Errorf("policy json lacks %s:\n%s", want, text)
		}
	}
	web := must(t, m, "aws_instance.web").Values
	if web["subnet_id"] != "aws_subnet.main.id" || !instance.IsUnknown(web["user_data"]) {
		t.Errorf("references: subnet_id=%v user_data=%v", web["subnet_id"], web["user_data"])
	}
	wantTags := map[string]any{"Name": "PROD-APP", "Json": `{"a":1,"b":[true]}`, "Fmt": "prod-007", "Look": "dflt",
		"Cat": "a,b,c", "Cidr": "10.0.2.0/24", "Len": 4.0, "Cond": "yes", "For": "X,Y"}
	if !reflect.DeepEqual(web["tags"], wantTags) {
		t.Errorf("functions:\n got %v\nwant %v", web["tags"], wantTags)
	}
	nu := web["nested_unknown"].([]any)
	if !instance.IsUnknown(nu[0]) || nu[1] != "known" {
		t.Errorf("nested unknown: %v", nu)
	}
	if !instance.IsUnknown(web["unknownfn"]) {
		t.Errorf("unknown function: %v", web["unknownfn"])
	}
	if _, ok := web["null_attr"]; ok {
		t.Errorf("null attribute must be absent")
	}
	if rb := web["root_block_device"].([]any); len(rb) != 1 || rb[0].(map[string]any)["encrypted"] != true {
		t.Errorf("single block is a one-element list: %v", rb)
	}
	if r := must(t, m, "aws_instance.web").AttrRanges["root_block_device[0].encrypted"]; r.StartLine != 71 || r.File != "main.tf" {
		t.Errorf("nested attribute range: %+v", r)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "notafunction") || !strings.HasPrefix(errs[0].Error(), "main.tf:67:") {
		t.Errorf("want one unknown-function warning, got:\n%s", errText(errs))
	}
}

func TestMalformedFileStillScansTheRest(t *testing.T) {
	m, errs := scanDirs(t, "testdata/broken", Options{}, ".")
	must(t, m, "aws_s3_bucket.good")
	j := must(t, m, "aws_s3_bucket.json")
	if j.Values["bucket"] != "from-json" || !reflect.DeepEqual(j.Values["versioning"], []any{map[string]any{"enabled": true}}) ||
		!reflect.DeepEqual(j.Values["tags"], map[string]any{"A": "b"}) {
		t.Errorf("json syntax: %v", j.Values)
	}
	if j.File != "more.tf.json" || j.AttrRanges["bucket"].StartLine != 5 {
		t.Errorf("json location: %s %+v", j.File, j.AttrRanges)
	}
	found := false
	for _, e := range errs {
		fe, ok := e.(*file.Error)
		if !ok {
			t.Errorf("not a *file.Error: %T", e)
			continue
		}
		if fe.File == "bad.tf" && fe.Line == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("want bad.tf:3 error, got:\n%s", errText(errs))
	}
}

func TestHugeFileSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.tf"), `resource "aws_s3_bucket" "ok" { bucket = "ok" }`)
	write(t, filepath.Join(dir, "big.tf"), `resource "aws_s3_bucket" "big" { bucket = "`+strings.Repeat("x", 2000)+`" }`)
	insts, errs := Scan(dir, []string{dir}, Options{MaxFileSize: 1000})
	if len(insts) != 1 || insts[0].Address != "aws_s3_bucket.ok" {
		t.Errorf("instances: %v", insts)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "big.tf: ") {
		t.Errorf("errors:\n%s", errText(errs))
	}
}

func TestModuleRecursionGuarded(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `module "self" {
  source = "./"
}
module "loop" {
  source = "./a"
}
resource "aws_s3_bucket" "b" {
  bucket = module.loop.x
}`)
	write(t, filepath.Join(dir, "a", "main.tf"), `module "back" {
  source = "../b"
}
output "x" { value = module.back.x }`)
	write(t, filepath.Join(dir, "b", "main.tf"), `module "again" {
  source = "../a"
}
output "x" { value = module.again.x }`)
	insts, errs := Scan(dir, []string{dir, filepath.Join(dir, "a"), filepath.Join(dir, "b")}, Options{})
	if len(insts) != 1 || !instance.IsUnknown(insts[0].Values["bucket"]) {
		t.Errorf("instances: %+v", insts)
	}
	if len(errs) < 2 || !strings.Contains(errText(errs), "calls itself") {
		t.Errorf("errors:\n%s", errText(errs))
	}
}

func TestCyclesAndOddValuesDoNotCrash(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `locals {
  a = local.b
  b = local.a
}
variable "m" {}
resource "aws_x" "a" {
  v = aws_x.b.v
  w = local.a
  count = length(var.m)
  for_each = var.m
}
resource "aws_x" "b" {
  v = aws_x.a.v
  x = var.m["k"].deep[*].z
  y = { for k, v in var.m : k => v if v }
  z = [for i in range(100000) : i]
  dynamic "blk" {
    for_each = { a = 1 }
    content {
      n = blk.value + var.m
    }
  }
}`)
	insts, _ := Scan(dir, []string{dir}, Options{})
	if len(insts) != 2 {
		t.Errorf("instances: %d", len(insts))
	}
}

func write(t interface {
	Helper()
	Fatal(...any)
}, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFileFunctionsAndModuleForEach(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), `module "q" {
  source   = "./mod"
  for_each = { a = "alpha", b = "beta" }
  label    = each.value
}
resource "aws_iam_policy" "outside" {
  policy = file("/etc/passwd")
}`)
	write(t, filepath.Join(dir, "mod", "main.tf"), `variable "label" {}
resource "aws_iam_policy" "p" {
  name   = var.label
  policy = file("${path.module}/policy.json")
  description = templatefile("${path.module}/desc.tpl", { who = var.label })
  exists = fileexists("${path.module}/nope.json")
}`)
	write(t, filepath.Join(dir, "mod", "policy.json"), `{"Statement":[]}`)
	write(t, filepath.Join(dir, "mod", "desc.tpl"), `for ${upper(who)}`)
	insts, errs := Scan(dir, []string{dir, filepath.Join(dir, "mod")}, Options{})
	if len(errs) != 0 {
		t.Errorf("errors:\n%s", errText(errs))
	}
	by := map[string]*instance.Instance{}
	for _, in := range insts {
		by[in.Address] = in
	}
	p := by[`module.q["b"].aws_iam_policy.p`]
	if p == nil || p.Module != "module.q" || p.Key != nil || p.Values["name"] != "beta" || p.File != "mod/main.tf" {
		t.Fatalf("for_each module instance: %+v (have %v)", p, by)
	}
	if p.Values["policy"] != `{"Statement":[]}` || p.Values["description"] != "for BETA" || p.Values["exists"] != false {
		t.Errorf("file functions: %v", p.Values)
	}
	if v := by["aws_iam_policy.outside"].Values["policy"]; !instance.IsUnknown(v) {
		t.Errorf("file outside the scan root must not be read: %v", v)
	}
}

// Types hears the managed types the root modules declare after parsing
// and before evaluating (data sources are not resources; a local module
// called is read later, while evaluating).
func TestTypesAnnouncedBeforeEvaluation(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.tf", `resource "aws_s3_bucket" "b" { bucket = "x" }
resource "aws_s3_bucket_acl" "b" { bucket = aws_s3_bucket.b.id }
data "aws_iam_policy_document" "p" {}`)
	write("b.tf", `resource "aws_sqs_queue" "q" { count = 3 }
resource "aws_s3_bucket" "c" { bucket = "y" }`)
	var calls [][]string
	insts, errs := Scan(dir, []string{dir}, Options{Types: func(types []string) { calls = append(calls, types) }})
	if len(errs) > 0 {
		t.Fatal(errText(errs))
	}
	want := []string{"aws_s3_bucket", "aws_s3_bucket_acl", "aws_sqs_queue"}
	if len(calls) != 1 || !reflect.DeepEqual(calls[0], want) {
		t.Errorf("Types heard %v, want once %v", calls, want)
	}
	if len(insts) != 7 { // 2 buckets, an ACL, 3 queues and the data source
		t.Errorf("%d instances, want 7", len(insts))
	}
}
