package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
)

func TestDeepTemplateIsDetectedAndReported(t *testing.T) {
	deep := strings.Repeat("[", 25000) + strings.Repeat("]", 25000)
	for _, tc := range []struct{ name, data, want string }{
		// One line, as generators write it: found, then refused at line 1.
		{"t.json", `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": ` + deep + "}}}}", "t.json:1: "},
		{"t.json", `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": ` + deep + "}}}}", "t.json:1: "},
		{"t.template", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": " + deep + "\n}", "t.template:3: "},
		{"t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {X: " + deep + "}\n", "t.yaml:5: "},
	} {
		if !Detect([]byte(tc.data)) {
			t.Errorf("%s: a deep template must still be detected, so that it is reported", tc.want)
		}
		rs, errs := Parse(tc.name, []byte(tc.data), nil)
		if len(rs) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tc.want+"nesting deeper than") {
			t.Errorf("%s: got %v %v", tc.want, rs, errs)
		}
	}
}

func TestBinaryTemplateIsOneError(t *testing.T) {
	rs, errs := Parse("b.template", []byte("AWSTemplateFormatVersion: x\n\x00\x00\xff"), nil)
	if len(rs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "not a text file") {
		t.Errorf("got %v %v", rs, errs)
	}
}

func TestResourcesPerTemplateAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("Resources:\n")
	for i := 0; i < file.MaxResources+5; i++ {
		fmt.Fprintf(&b, "  Q%d: {Type: AWS::SQS::Queue}\n", i)
	}
	rs, errs := Parse("many.yaml", []byte(b.String()), nil)
	if len(rs) != file.MaxResources {
		t.Errorf("resources: %d", len(rs))
	}
	want := fmt.Sprintf("many.yaml:%d: more than %d resources", 2+file.MaxResources, file.MaxResources)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), want) {
		t.Errorf("want %q, got %v", want, errs)
	}
}
