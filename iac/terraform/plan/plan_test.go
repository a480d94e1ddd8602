package plan

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
)

func TestParse(t *testing.T) {
	data, err := os.ReadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(data) {
		t.Fatal("Detect")
	}
	insts, err := Parse("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*instance.Instance{}
	for _, in := range insts {
		by[in.Address] = in
	}
	if len(by) != 5 {
		t.Fatalf("instances: %v", by)
	}
	b := by["aws_s3_bucket.logs"]
	if b.Values["bucket"] != "acme-logs" || !instance.IsUnknown(b.Values["id"]) || !instance.IsUnknown(b.Values["arn"]) {
		t.Errorf("bucket values: %v", b.Values)
	}
	if _, ok := b.Values["bucket_prefix"]; ok {
		t.Errorf("null must be absent")
	}
	if !reflect.DeepEqual(b.Values["tags"], map[string]any{"Env": "prod"}) {
		t.Errorf("tags: %v", b.Values["tags"])
	}
	if b.File != "plan.json" || b.Range.StartLine != 8 || b.Mode != "managed" || b.Type != "aws_s3_bucket" || b.Name != "logs" {
		t.Errorf("identity/location: %+v", b)
	}
	acl := by["aws_s3_bucket_acl.logs"]
	if !instance.IsUnknown(acl.Values["bucket"]) || acl.Values["acl"] != "public-read" {
		t.Errorf("acl: %v", acl.Values)
	}
	if !reflect.DeepEqual(acl.Refs["bucket"], []string{"aws_s3_bucket.logs"}) || acl.Refs["acl"] != nil {
		t.Errorf("refs: %v", acl.Refs)
	}
	sg := by["aws_security_group.web[0]"]
	ing := sg.Values["ingress"].([]any)[0].(map[string]any)
	if sg.Key != 0 || !instance.IsUnknown(ing["security_groups"]) || !reflect.DeepEqual(ing["cidr_blocks"], []any{"0.0.0.0/0"}) || ing["from_port"] != 22.0 {
		t.Errorf("nested unknown: %v", sg.Values)
	}
	vpc := by[`module.net["a"].aws_vpc.this`]
	if vpc == nil || vpc.Module != "module.net" {
		t.Fatalf("child module: %+v", vpc)
	}
	fl := by[`module.net["a"].module.flow.aws_flow_log.this`]
	if fl == nil || fl.Module != "module.net.module.flow" || !instance.IsUnknown(fl.Values["vpc_id"]) || fl.Values["traffic_type"] != "ALL" {
		t.Fatalf("nested module: %+v", fl)
	}
	if !reflect.DeepEqual(fl.Refs["log_destination"], []string{"module.net.module.flow.aws_s3_bucket.x"}) || fl.Refs["vpc_id"] != nil {
		t.Errorf("module refs: %v", fl.Refs)
	}
}

func TestParseErrors(t *testing.T) {
	_, err := Parse("p.json", []byte("{\n  \"planned_values\": {\n    oops\n}"))
	fe, ok := err.(*file.Error)
	if !ok || fe.File != "p.json" || fe.Line != 3 {
		t.Errorf("want p.json:3 error, got %v", err)
	}
	if Detect([]byte(`{"resources": []}`)) {
		t.Errorf("Detect on a non-plan")
	}
	if !Detect([]byte(`{"format_version":"1.0","terraform_version":"1.5.0"}`)) {
		t.Errorf("Detect on versions")
	}
}

func TestStripKeys(t *testing.T) {
	for in, want := range map[string]string{
		`module.a[0].module.b["x.y]"].aws_s3_bucket.c`: "module.a.module.b.aws_s3_bucket.c",
		"aws_s3_bucket.x[0].arn":                       "aws_s3_bucket.x.arn",
		"plain":                                        "plain",
	} {
		if got := stripKeys(in); got != want {
			t.Errorf("stripKeys(%s) = %s", in, got)
		}
	}
}

func FuzzPlanJSON(f *testing.F) {
	if data, err := os.ReadFile("testdata/plan.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"planned_values":{"root_module":{"resources":[{"address":"a.b","values":{"x":[1,{"y":null}]}}]}},"resource_changes":[{"address":"a.b","change":{"after_unknown":{"x":[true,{"y":true}],"z":[[true]]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		insts, err := Parse("fuzz.json", data)
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.json") {
			t.Errorf("error without file: %v", err)
		}
		for _, in := range insts {
			if in.Values == nil {
				t.Errorf("nil values")
			}
		}
	})
}
