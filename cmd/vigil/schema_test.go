package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/report"
)

const reportSchemaFile = "docs/report.schema.json"

// offlineLoader refuses every load: the draft 2020-12 metaschema is built
// into the validator and the report schema is added as a resource.
type offlineLoader struct{}

func (offlineLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("no network in tests: %s", url)
}

func reportSchema(t *testing.T) (*jsonschema.Schema, map[string]any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", reportSchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(offlineLoader{})
	c.AssertFormat()
	c.DefaultDraft(jsonschema.Draft2020)
	const id = "https://github.com/vigil-sec/vigil/docs/report.schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return sch, doc.(map[string]any)
}

func validate(t *testing.T, sch *jsonschema.Schema, name, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s does not match %s: %#v", name, reportSchemaFile, err)
	}
}

// Real reports, from IaC and from live scans, with every optional part
// present somewhere (passes, suppressions active and expired, unread
// inputs with and without a file, warnings, the reason nothing was
// scanned), match docs/report.schema.json.
func TestJSONReportMatchesSchema(t *testing.T) {
	sch, _ := reportSchema(t)
	outputs := map[string]string{}

	// IaC: the example tree, a broken file, a vigil:ignore of no rule,
	// and suppressions active and expired.
	src, _ := filepath.Abs("../../examples/terraform")
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.tf"), []byte("# vigil:ignore NOPE-1 typo\nresource \"aws_s3_bucket\" \"b\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "azure.tf"), []byte(azureGoogleTF), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "vigil.yaml")
	if err := os.WriteFile(cfg, []byte(`suppressions:
  - {rule: AWS-RDS-002, reason: staging only, owner: data, expires: 2099-01-01}
  - {rule: AWS-EC2-002, reason: bastion until the VPN ships, expires: 2020-01-01}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "scan", "-q", "--format", "json", "--include-passed", "--config", cfg, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`"status": "suppressed"`, `"suppression_expired"`, `"warnings"`, `"errors"`, `"status": "pass"`, `"evidence"`, `"not_judged"`} {
		if !strings.Contains(out, want) {
			t.Fatalf("the IaC report lacks %s, so the schema test would not cover it", want)
		}
	}
	outputs["iac"] = out
	outputs["iac-nothing"], _, _ = run(t, "scan", "-q", "--format", "json", t.TempDir())

	serveDemo(t, aws.Match{Account: "333333333333", Service: "lambda"})
	outputs["live"], errs, code = run(t, append(orgScan, "--format", "json", "--include-passed")...)
	if code != 0 || !strings.Contains(outputs["live"], `"operation"`) {
		t.Fatalf("live scan: exit %d: %s", code, errs)
	}
	serveDemo(t, aws.Match{Service: "sts", Operation: "AssumeRole"})
	outputs["live-nothing"], _, _ = run(t, append(orgScan, "--format", "json")...)

	// Unit outcomes, which a live collector fills, in every status.
	var units bytes.Buffer
	res := &model.Result{Tool: model.Tool{Name: "vigil", Version: "dev"}, Scan: model.ScanInfo{StartedAt: time.Now(), FinishedAt: time.Now()},
		Units: []model.UnitOutcome{
			{Unit: model.Unit{Provider: "aws", Account: "111111111111", Region: "eu-west-1", Service: "s3"}, Status: model.UnitComplete, Kinds: []string{"aws.s3.bucket"}, Resources: 2},
			{Unit: model.Unit{Provider: "aws", Account: "111111111111", Service: "iam"}, Status: model.UnitFailed, Kinds: []string{"aws.iam.role"}, Unread: []string{"aws.iam.role"}, Errors: 1},
			{Unit: model.Unit{Provider: "aws", Account: "111111111111", Region: "eu-west-1", Service: "ec2"}, Status: model.UnitPartial, Resources: 1, Errors: 1},
		}}
	if err := report.Write(&units, "json", res, report.Options{}); err != nil {
		t.Fatal(err)
	}
	outputs["units"] = units.String()

	for name, out := range outputs {
		validate(t, sch, name, out)
	}

	// The schema is strict: a property it does not describe, anywhere,
	// fails, so output cannot drift from it unnoticed.
	var doc map[string]any
	if err := json.Unmarshal([]byte(outputs["iac"]), &doc); err != nil {
		t.Fatal(err)
	}
	for name, mutate := range map[string]func(map[string]any){
		"root":    func(d map[string]any) { d["extra"] = 1 },
		"tool":    func(d map[string]any) { d["tool"].(map[string]any)["extra"] = 1 },
		"finding": func(d map[string]any) { d["findings"].([]any)[0].(map[string]any)["extra"] = 1 },
		"resource": func(d map[string]any) {
			d["findings"].([]any)[0].(map[string]any)["resource"].(map[string]any)["extra"] = 1
		},
		"error":   func(d map[string]any) { d["errors"].([]any)[0].(map[string]any)["extra"] = 1 },
		"status":  func(d map[string]any) { d["findings"].([]any)[0].(map[string]any)["status"] = "maybe" },
		"missing": func(d map[string]any) { delete(d, "summary") },
	} {
		var d map[string]any
		_ = json.Unmarshal([]byte(outputs["iac"]), &d)
		mutate(d)
		b, _ := json.Marshal(d)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepts a report with %s changed", name)
		}
	}
}

// Every field model.Result can emit, however rarely, is described by the
// schema, and every object of it forbids other properties: a new field
// fails here before a consumer meets it undocumented.
func TestSchemaDescribesEveryField(t *testing.T) {
	_, doc := reportSchema(t)
	resolve := func(n map[string]any) map[string]any {
		for {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n = doc["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	timeType := reflect.TypeOf(time.Time{})
	var walk func(t reflect.Type, n map[string]any, at string)
	walk = func(typ reflect.Type, n map[string]any, at string) {
		n = resolve(n)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch {
		case typ == timeType || typ.Kind() == reflect.Interface:
			return
		case typ.Kind() == reflect.Slice:
			items, ok := n["items"].(map[string]any)
			if !ok {
				t.Errorf("%s: schema has no items", at)
				return
			}
			walk(typ.Elem(), items, at+"[]")
		case typ.Kind() == reflect.Map:
			if vals, ok := n["additionalProperties"].(map[string]any); ok {
				walk(typ.Elem(), vals, at+"{}")
			}
		case typ.Kind() == reflect.Struct:
			if n["additionalProperties"] != false {
				t.Errorf("%s: the schema allows properties it does not describe", at)
			}
			props, _ := n["properties"].(map[string]any)
			// Embedded structs are inlined by encoding/json.
			for _, f := range reflect.VisibleFields(typ) {
				name := strings.Split(f.Tag.Get("json"), ",")[0]
				if !f.IsExported() || name == "-" || f.Anonymous {
					continue
				}
				p, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s.%s (%s) is not in %s", at, name, f.Type, reportSchemaFile)
					continue
				}
				walk(f.Type, p, at+"."+name)
			}
		}
	}
	walk(reflect.TypeOf(model.Result{}), doc, "report")
}

var updateKindSchema = flag.Bool("update-kind-schema", false, "rewrite testdata/kinds.schema.golden")

// TestKindSchemaUnchanged pins `vigil schema` (the kind list and every
// kind's attributes): rules are written against it, so a refactoring of the
// model must not change it. Regenerate with -update-kind-schema when a change
// is meant.
func TestKindSchemaUnchanged(t *testing.T) {
	var got strings.Builder
	out, errOut, code := run(t, "schema")
	if code != 0 {
		t.Fatalf("vigil schema: exit %d: %s", code, errOut)
	}
	got.WriteString(out)
	for _, k := range model.Kinds() {
		out, errOut, code := run(t, "schema", k.Name)
		if code != 0 {
			t.Fatalf("vigil schema %s: exit %d: %s", k.Name, code, errOut)
		}
		got.WriteString("\n" + out)
	}
	golden := filepath.Join("testdata", "kinds.schema.golden")
	if *updateKindSchema {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("vigil schema output changed; diff against %s (rerun with -update-kind-schema if meant)", golden)
	}
}
