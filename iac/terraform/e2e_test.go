package terraform

import (
	"path/filepath"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/tfaws"
	"github.com/vigil-sec/vigil/model"
)

// The S3 join works from real HCL: the ACL resource names its bucket
// through a local, the policy through a data source.
func TestS3JoinThroughTfaws(t *testing.T) {
	root, _ := filepath.Abs("testdata/eval")
	insts, _ := Scan(root, []string{root}, Options{})
	rs := tfaws.Map(insts, model.SourceTerraform)
	var bucket *model.Resource
	for _, r := range rs {
		if r.Kind == "aws.s3.bucket" {
			if bucket != nil {
				t.Fatalf("more than one bucket: %s, %s", bucket.ID, r.ID)
			}
			bucket = r
		}
	}
	if bucket == nil {
		t.Fatal("no bucket")
	}
	a := bucket.Attributes.(*model.S3Bucket)
	if bucket.ID != "main.tf:aws_s3_bucket.logs" || a.Name != "prod-app-logs" {
		t.Errorf("identity: %s %q", bucket.ID, a.Name)
	}
	if a.CannedACL != "public-read" {
		t.Errorf("acl not joined: %q", a.CannedACL)
	}
	if l := bucket.LocationOf("canned_acl"); l == nil || l.File != "main.tf" || l.StartLine != 17 {
		t.Errorf("acl location: %+v", l)
	}
	if a.Policy == nil || len(a.Policy.Statements) != 2 {
		t.Errorf("policy from aws_iam_policy_document not joined: %+v", a.Policy)
	}
	if len(bucket.Ignores) != 1 || bucket.Ignores[0].RuleID != "AWS-S3-001" {
		t.Errorf("ignores of the acl block travel to the bucket: %+v", bucket.Ignores)
	}
	if len(bucket.Unknown) != 0 {
		t.Errorf("unknowns: %v", bucket.Unknown)
	}
}
