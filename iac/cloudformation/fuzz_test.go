package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Resources: {A: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub [\"${x}\", {x: !GetAtt [A, Arn]}]}}}"))
	f.Add([]byte("Conditions: {C: !Condition C}\nResources: {A: {Type: AWS::SNS::Topic, Condition: C}}"))
	f.Add([]byte("Resources:\n  A: &a\n    Type: AWS::SQS::Queue\n    Properties: {X: *a}\n"))
	// Hostile shapes, small: nesting just past the limit in JSON, flow and
	// block YAML; binary bytes.
	f.Add([]byte(`{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": ` +
		strings.Repeat("[", 501) + strings.Repeat("]", 501) + "}}}}"))
	f.Add([]byte("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {X: " + strings.Repeat("{a: ", 501) + "1" + strings.Repeat("}", 501) + "}\n"))
	var block strings.Builder
	block.WriteString("Resources:\n")
	for i := 1; i < 260; i++ {
		block.WriteString(strings.Repeat(" ", i) + "a:\n" + strings.Repeat(" ", i) + "-\n")
	}
	f.Add([]byte(block.String()))
	f.Add([]byte("AWSTemplateFormatVersion: x\n\x00\xff\xfeResources: {}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data)
		rs, _ := Parse("fuzz.yaml", data, map[string]string{"Env": "dev"})
		for _, r := range rs {
			if r.Attributes == nil || r.Location == nil {
				t.Fatalf("resource %s has no attributes or location", r.ID)
			}
		}
	})
}
