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
	want := model.CloudTrailTrail{Name: "main", IsLogging: true, IncludeGlobalServiceEvents: true, S3BucketName: "trail",
		ManagementEvents: model.CloudTrailManagementEvents{Read: true, Write: true}}
	if *a != want {
		t.Errorf("got %+v", *a)
	}
	if !rs[0].IsUnknown("kms_key_id") {
		t.Errorf("unknown kms key: %v", rs[0].Unknown)
	}
}

// Selectors decide which S3 data events of all buckets a trail logs; an
// unknown selector list or value leaves them unknown, not absent.
func TestCloudTrailS3DataEvents(t *testing.T) {
	s3All := map[string]any{"type": "AWS::S3::Object", "values": []any{"arn:aws:s3"}}
	field := func(f, v string) map[string]any { return map[string]any{"field": f, "equals": []any{v}} }
	for _, c := range []struct {
		name    string
		values  map[string]any
		want    model.CloudTrailS3DataEvents
		unknown bool
	}{
		{"none", map[string]any{}, model.CloudTrailS3DataEvents{}, false},
		{"basic, default read and write", map[string]any{"event_selector": []any{map[string]any{"data_resource": []any{s3All}}}},
			model.CloudTrailS3DataEvents{Read: true, Write: true}, false},
		{"basic read only", map[string]any{"event_selector": []any{map[string]any{"read_write_type": "ReadOnly", "data_resource": []any{s3All}}}},
			model.CloudTrailS3DataEvents{Read: true}, false},
		{"advanced writes", map[string]any{"advanced_event_selector": []any{map[string]any{"field_selector": []any{
			field("eventCategory", "Data"), field("resources.type", "AWS::S3::Object"), field("readOnly", "false")}}}},
			model.CloudTrailS3DataEvents{Write: true}, false},
		{"unknown selectors", map[string]any{"event_selector": instance.Unknown}, model.CloudTrailS3DataEvents{}, true},
		{"unknown values", map[string]any{"event_selector": []any{map[string]any{"data_resource": []any{
			map[string]any{"type": "AWS::S3::Object", "values": []any{instance.Unknown}}}}}}, model.CloudTrailS3DataEvents{}, true},
	} {
		c.values["name"] = "main"
		rs := Map([]*instance.Instance{inst("aws_cloudtrail", "main", c.values, nil)}, model.SourceTerraform)
		a := rs[0].Attributes.(*model.CloudTrailTrail)
		if a.S3DataEvents != c.want || rs[0].IsUnknown("s3_data_events") != c.unknown || rs[0].IsUnknown("management_events") != c.unknown {
			t.Errorf("%s: %+v, unknown %v", c.name, a.S3DataEvents, rs[0].Unknown)
		}
	}
}

func TestCloudTrailManagementEvents(t *testing.T) {
	for _, c := range []struct {
		name   string
		values map[string]any
		want   model.CloudTrailManagementEvents
	}{
		{"none: every management event", map[string]any{}, model.CloudTrailManagementEvents{Read: true, Write: true}},
		{"data events only", map[string]any{"event_selector": []any{map[string]any{"include_management_events": false}}}, model.CloudTrailManagementEvents{}},
		{"writes", map[string]any{"event_selector": []any{map[string]any{"read_write_type": "WriteOnly"}}}, model.CloudTrailManagementEvents{Write: true}},
		{"without KMS", map[string]any{"event_selector": []any{map[string]any{"exclude_management_event_sources": []any{"kms.amazonaws.com"}}}}, model.CloudTrailManagementEvents{}},
	} {
		c.values["name"] = "main"
		rs := Map([]*instance.Instance{inst("aws_cloudtrail", "main", c.values, nil)}, model.SourceTerraform)
		if a := rs[0].Attributes.(*model.CloudTrailTrail); a.ManagementEvents != c.want || len(rs[0].Unknown) > 0 {
			t.Errorf("%s: %+v, unknown %v", c.name, a.ManagementEvents, rs[0].Unknown)
		}
	}
}
