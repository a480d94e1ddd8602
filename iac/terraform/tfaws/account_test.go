package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestAccountSettingsJoinIntoOneResource(t *testing.T) {
	pp := inst("aws_iam_account_password_policy", "strict", map[string]any{"minimum_password_length": 14.0,
		"password_reuse_prevention": instance.Unknown}, nil)
	pab := inst("aws_s3_account_public_access_block", "this", map[string]any{"block_public_acls": true, "account_id": "123456789012"}, nil)
	pab.Range = model.Location{File: "main.tf", StartLine: 10, EndLine: 15}
	rs := Map([]*instance.Instance{pp, pab}, model.SourceTerraform)
	if len(rs) != 1 {
		t.Fatalf("want one aws.account, got %d", len(rs))
	}
	r := rs[0]
	a := r.Attributes.(*model.AWSAccount)
	if a.PasswordPolicy == nil || a.PasswordPolicy.MinimumLength != 14 || !a.PasswordPolicy.AllowUsersToChange {
		t.Errorf("password policy: %+v", a.PasswordPolicy)
	}
	if a.S3PublicAccessBlock == nil || !a.S3PublicAccessBlock.BlockPublicACLs || a.S3PublicAccessBlock.BlockPublicPolicy {
		t.Errorf("s3 block: %+v", a.S3PublicAccessBlock)
	}
	if !r.IsUnknown("password_policy.password_reuse_prevention") || r.Account != "123456789012" {
		t.Errorf("unknown/account: %v %q", r.Unknown, r.Account)
	}
	if l := r.LocationOf("s3_public_access_block.block_public_acls"); l == nil || l.StartLine != 10 {
		t.Errorf("location: %+v", l)
	}
	if a.RootMFAEnabled != nil {
		t.Error("root MFA is not known from IaC")
	}
}
