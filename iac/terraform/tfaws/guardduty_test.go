package tfaws

import (
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestGuardDutyDefault(t *testing.T) {
	r := mapKind(t, "aws.guardduty.detector", 1, inst("aws_guardduty_detector", "main", map[string]any{}, nil))[0]
	if a := r.Attributes.(*model.GuardDutyDetector); !a.Enabled {
		t.Error("a detector is enabled unless enable = false")
	}
	// Plans the configuration leaves to AWS are unknown, not off.
	for _, p := range []string{"s3_protection", "eks_audit_logs", "malware_protection_ec2", "rds_protection", "lambda_protection",
		"runtime_monitoring", "eks_runtime_monitoring", "ecs_runtime_monitoring", "ec2_runtime_monitoring"} {
		if !slices.Contains(r.Unknown, p) {
			t.Errorf("%s should be unknown: %v", p, r.Unknown)
		}
	}
}

// The datasources block and aws_guardduty_detector_feature resources join
// the detector; a feature names its plan as GetDetector does, and an
// agent's status not known before apply leaves its plan unknown.
func TestGuardDutyPlans(t *testing.T) {
	det := inst("aws_guardduty_detector", "main", map[string]any{"datasources": []any{map[string]any{
		"s3_logs":    []any{map[string]any{"enable": false}},
		"kubernetes": []any{map[string]any{"audit_logs": []any{map[string]any{"enable": true}}}},
	}}}, nil)
	feature := func(name, status string, agents ...[2]any) *instance.Instance {
		var acs []any
		for _, a := range agents {
			acs = append(acs, map[string]any{"name": a[0], "status": a[1]})
		}
		return inst("aws_guardduty_detector_feature", name, map[string]any{"detector_id": "aws_guardduty_detector.main.id",
			"name": name, "status": status, "additional_configuration": acs}, map[string][]string{"detector_id": {"aws_guardduty_detector.main"}})
	}
	r := mapKind(t, "aws.guardduty.detector", 1, det,
		feature("RDS_LOGIN_EVENTS", "DISABLED"),
		feature("RUNTIME_MONITORING", "ENABLED", [2]any{"EKS_ADDON_MANAGEMENT", "ENABLED"}, [2]any{"EC2_AGENT_MANAGEMENT", "DISABLED"},
			[2]any{"ECS_FARGATE_AGENT_MANAGEMENT", instance.Unknown}))[0]
	a := r.Attributes.(*model.GuardDutyDetector)
	is := func(name string, p *bool, want bool) {
		if p == nil || *p != want || r.IsUnknown(name) {
			t.Errorf("%s: want %v, got %v (unknown %v)", name, want, p, r.Unknown)
		}
	}
	is("s3_protection", a.S3Protection, false)
	is("eks_audit_logs", a.EKSAuditLogs, true)
	is("rds_protection", a.RDSProtection, false)
	is("runtime_monitoring", a.RuntimeMonitoring, true)
	is("eks_runtime_monitoring", a.EKSRuntimeMonitoring, true)
	is("ec2_runtime_monitoring", a.EC2RuntimeMonitoring, false)
	for _, p := range []string{"ecs_runtime_monitoring", "lambda_protection", "malware_protection_ec2"} {
		if !r.IsUnknown(p) {
			t.Errorf("%s should be unknown: %v", p, r.Unknown)
		}
	}
}
