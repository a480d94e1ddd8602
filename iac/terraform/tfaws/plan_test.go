package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// In a plan, an argument the configuration leaves out and the plan marks
// unknown is the provider's computed default; one the configuration sets
// from something unknown until apply stays unknown, whatever it references.
func TestPlanComputedOnlyForUnsetArguments(t *testing.T) {
	bucket := func(configured map[string]bool) *model.Resource {
		in := inst("aws_s3_bucket", "b", map[string]any{"bucket": "b", "policy": instance.Unknown, "acl": instance.Unknown}, nil)
		in.Configured = configured
		rs := Map([]*instance.Instance{in}, model.SourceTerraformPlan)
		if len(rs) != 1 {
			t.Fatalf("want one bucket, got %d", len(rs))
		}
		return rs[0]
	}
	r := bucket(map[string]bool{"bucket": true})
	if r.IsUnknown("policy") || r.IsUnknown("canned_acl") || r.Attributes.(*model.S3Bucket).Policy != nil {
		t.Errorf("unset arguments are AWS's defaults: unknown %v", r.Unknown)
	}
	r = bucket(map[string]bool{"bucket": true, "policy": true})
	if !r.IsUnknown("policy") {
		t.Errorf("policy = module.p.json is set, its value unknown: unknown %v", r.Unknown)
	}
	r = bucket(nil)
	if !r.IsUnknown("policy") || !r.IsUnknown("canned_acl") {
		t.Errorf("without the plan's configuration nothing can be assumed: unknown %v", r.Unknown)
	}
}
