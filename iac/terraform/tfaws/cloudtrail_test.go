package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestCloudTrailDefaults(t *testing.T) {
	rs := Map([]*instance.Instance{inst("aws_cloudtrail", "main", map[string]any{"name": "main", "s3_bucket_name": "trail",
		"kms_key_id": instance.Unknown}, nil)}, model.SourceTerraform)
	a := rs[0].Attributes.(*model.CloudTrailTrail)
	want := model.CloudTrailTrail{Name: "main", IsLogging: true, IncludeGlobalServiceEvents: true, S3BucketName: "trail"}
	if *a != want {
		t.Errorf("got %+v", *a)
	}
	if !rs[0].IsUnknown("kms_key_id") {
		t.Errorf("unknown kms key: %v", rs[0].Unknown)
	}
}
