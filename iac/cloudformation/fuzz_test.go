package cloudformation

import (
	"os"
	"path/filepath"
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
