package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func inst(typ, name string, values map[string]any, refs map[string][]string) *instance.Instance {
	return &instance.Instance{Address: typ + "." + name, Mode: "managed", Type: typ, Name: name,
		Values: values, File: "main.tf", Range: model.Location{File: "main.tf", StartLine: 1, EndLine: 3},
		AttrRanges: map[string]model.Location{}, Refs: refs}
}

func TestS3BucketJoinsSplitResources(t *testing.T) {
	bucket := inst("aws_s3_bucket", "logs", map[string]any{"bucket": "acme-logs"}, nil)
	acl := inst("aws_s3_bucket_acl", "logs", map[string]any{"bucket": "aws_s3_bucket.logs.id", "acl": "public-read"},
		map[string][]string{"bucket": {"aws_s3_bucket.logs"}})
	acl.AttrRanges["acl"] = model.Location{File: "acl.tf", StartLine: 7, EndLine: 7}
	pab := inst("aws_s3_bucket_public_access_block", "logs", map[string]any{"bucket": "acme-logs",
		"block_public_acls": true, "block_public_policy": instance.Unknown}, nil)
	other := inst("aws_s3_bucket_versioning", "orphan", map[string]any{"bucket": "someone-else"}, nil)

	rs := Map([]*instance.Instance{acl, bucket, pab, other}, model.SourceTerraform)
	if len(rs) != 1 {
		t.Fatalf("want 1 joined bucket, got %d", len(rs))
	}
	r := rs[0]
	a := r.Attributes.(*model.S3Bucket)
	if r.Kind != "aws.s3.bucket" || r.ID != "main.tf:aws_s3_bucket.logs" || r.Name != "acme-logs" {
		t.Errorf("identity: %+v", r)
	}
	if a.CannedACL != "public-read" {
		t.Errorf("acl joined by reference: got %q", a.CannedACL)
	}
	if got := r.LocationOf("canned_acl"); got == nil || got.File != "acl.tf" || got.StartLine != 7 {
		t.Errorf("acl location: %+v", got)
	}
	if a.PublicAccessBlock == nil || !a.PublicAccessBlock.BlockPublicACLs {
		t.Errorf("public access block joined by name: %+v", a.PublicAccessBlock)
	}
	if !r.IsUnknown("public_access_block.block_public_policy") || r.IsUnknown("public_access_block.block_public_acls") {
		t.Errorf("unknowns: %v", r.Unknown)
	}
	// The block is declared; the ownership is AWS's default.
	if len(a.AssumedDefaults) != 1 || a.AssumedDefaults[0] != model.S3AssumedObjectOwnership {
		t.Errorf("assumed defaults: %v", a.AssumedDefaults)
	}
}

func TestS3BucketAssumedDefaults(t *testing.T) {
	bare := inst("aws_s3_bucket", "bare", map[string]any{"bucket": "bare"}, nil)
	owned := inst("aws_s3_bucket", "owned", map[string]any{"bucket": "owned"}, nil)
	oc := inst("aws_s3_bucket_ownership_controls", "owned", map[string]any{"bucket": "owned",
		"rule": []any{map[string]any{"object_ownership": "ObjectWriter"}}}, nil)
	pab := inst("aws_s3_bucket_public_access_block", "owned", map[string]any{"bucket": "owned"}, nil)
	got := map[string][]string{}
	for _, r := range Map([]*instance.Instance{bare, owned, oc, pab}, model.SourceTerraform) {
		got[r.Name] = model.KindS3Bucket.Must(r).AssumedDefaults
	}
	if b := got["bare"]; len(b) != 2 {
		t.Errorf("a bare bucket assumes ownership and block: %v", b)
	}
	if o := got["owned"]; len(o) != 0 {
		t.Errorf("declared ownership and block are not assumed: %v", o)
	}
}

func TestChildJoinsParentThroughModuleOutput(t *testing.T) {
	sg := inst("aws_security_group", "web", map[string]any{"name": "web"}, nil)
	sg.Module, sg.Address = "module.net", "module.net.aws_security_group.web"
	rule := inst("aws_security_group_rule", "ssh", map[string]any{
		"type": "ingress", "security_group_id": "module.net.aws_security_group.web.id",
		"from_port": 22.0, "to_port": 22.0, "protocol": "tcp", "cidr_blocks": []any{"0.0.0.0/0"}}, nil)
	rs := Map([]*instance.Instance{sg, rule}, model.SourceTerraform)
	if len(rs) != 1 {
		t.Fatalf("want 1 security group, got %d", len(rs))
	}
	a := rs[0].Attributes.(*model.EC2SecurityGroup)
	if len(a.Ingress) != 1 || a.Ingress[0].FromPort != 22 {
		t.Fatalf("rule from the root module should join the module's group: %+v", a.Ingress)
	}
}
