package model

// Kinds of this service.
var (
	KindGuardDutyDetector = NewKind[GuardDutyDetector]("aws.guardduty.detector", "GuardDuty detector")
)

// GuardDutyDetector is kind aws.guardduty.detector.
//
// The protection plans are null when the detector does not report the
// plan (it is not offered in the region) or a Terraform or CloudFormation
// detector leaves it to AWS; every source marks a null plan unknown
// (NullPlans), so no rule passes or fails it.
type GuardDutyDetector struct {
	Enabled bool `json:"enabled"`

	S3Protection         *bool `json:"s3_protection" doc:"S3 Protection: S3 data events (feature S3_DATA_EVENTS)"`
	EKSAuditLogs         *bool `json:"eks_audit_logs" doc:"EKS Protection: EKS audit log monitoring (EKS_AUDIT_LOGS)"`
	MalwareProtectionEC2 *bool `json:"malware_protection_ec2" doc:"Malware Protection for EC2: EBS volumes scanned on findings (EBS_MALWARE_PROTECTION)"`
	RDSProtection        *bool `json:"rds_protection" doc:"RDS Protection: Aurora login events (RDS_LOGIN_EVENTS)"`
	LambdaProtection     *bool `json:"lambda_protection" doc:"Lambda Protection: Lambda network activity (LAMBDA_NETWORK_LOGS)"`
	RuntimeMonitoring    *bool `json:"runtime_monitoring" doc:"Runtime Monitoring (RUNTIME_MONITORING)"`
	EKSRuntimeMonitoring *bool `json:"eks_runtime_monitoring" doc:"runtime monitoring of EKS with the agent managed by GuardDuty (RUNTIME_MONITORING or EKS_RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT)"`
	ECSRuntimeMonitoring *bool `json:"ecs_runtime_monitoring" doc:"runtime monitoring of ECS on Fargate with the agent managed by GuardDuty (RUNTIME_MONITORING with ECS_FARGATE_AGENT_MANAGEMENT)"`
	EC2RuntimeMonitoring *bool `json:"ec2_runtime_monitoring" doc:"runtime monitoring of EC2 with the agent managed by GuardDuty (RUNTIME_MONITORING with EC2_AGENT_MANAGEMENT)"`
}

// GuardDuty's feature and additional-configuration names, as GetDetector,
// Terraform's aws_guardduty_detector_feature and CloudFormation's
// Features spell them.
const (
	GuardDutyS3DataEvents         = "S3_DATA_EVENTS"
	GuardDutyEKSAuditLogs         = "EKS_AUDIT_LOGS"
	GuardDutyEBSMalwareProtection = "EBS_MALWARE_PROTECTION"
	GuardDutyRDSLoginEvents       = "RDS_LOGIN_EVENTS"
	GuardDutyLambdaNetworkLogs    = "LAMBDA_NETWORK_LOGS"
	GuardDutyRuntimeMonitoring    = "RUNTIME_MONITORING"
	GuardDutyEKSRuntimeMonitoring = "EKS_RUNTIME_MONITORING"
	GuardDutyEKSAddonManagement   = "EKS_ADDON_MANAGEMENT"
	GuardDutyECSFargateAgent      = "ECS_FARGATE_AGENT_MANAGEMENT"
	GuardDutyEC2Agent             = "EC2_AGENT_MANAGEMENT"
)

// GuardDutyFeaturePaths names the attributes a feature decides (none for
// a feature no rule reads: CLOUD_TRAIL, DNS_LOGS, FLOW_LOGS are always on).
func GuardDutyFeaturePaths(feature string) []string {
	switch feature {
	case GuardDutyS3DataEvents:
		return []string{"s3_protection"}
	case GuardDutyEKSAuditLogs:
		return []string{"eks_audit_logs"}
	case GuardDutyEBSMalwareProtection:
		return []string{"malware_protection_ec2"}
	case GuardDutyRDSLoginEvents:
		return []string{"rds_protection"}
	case GuardDutyLambdaNetworkLogs:
		return []string{"lambda_protection"}
	case GuardDutyRuntimeMonitoring:
		return []string{"runtime_monitoring", "eks_runtime_monitoring", "ecs_runtime_monitoring", "ec2_runtime_monitoring"}
	case GuardDutyEKSRuntimeMonitoring:
		return []string{"eks_runtime_monitoring"}
	}
	return nil
}

// SetFeature records one feature's status. agents holds the statuses of
// its additional configuration by name (the agents GuardDuty manages); an
// agent not listed under an enabled feature leaves its plan null.
// EKS runtime monitoring is on when either RUNTIME_MONITORING (since
// March 2024) or the older EKS_RUNTIME_MONITORING manages the EKS add-on.
func (d *GuardDutyDetector) SetFeature(feature string, enabled bool, agents map[string]bool) {
	on := func(agent string) *bool {
		if !enabled {
			return new(false)
		}
		if v, ok := agents[agent]; ok {
			return new(v)
		}
		return nil
	}
	either := func(cur, v *bool) *bool {
		if cur != nil && *cur {
			return cur
		}
		if v == nil && cur != nil {
			return cur
		}
		return v
	}
	switch feature {
	case GuardDutyS3DataEvents:
		d.S3Protection = new(enabled)
	case GuardDutyEKSAuditLogs:
		d.EKSAuditLogs = new(enabled)
	case GuardDutyEBSMalwareProtection:
		d.MalwareProtectionEC2 = new(enabled)
	case GuardDutyRDSLoginEvents:
		d.RDSProtection = new(enabled)
	case GuardDutyLambdaNetworkLogs:
		d.LambdaProtection = new(enabled)
	case GuardDutyRuntimeMonitoring:
		d.RuntimeMonitoring = new(enabled)
		d.EKSRuntimeMonitoring = either(d.EKSRuntimeMonitoring, on(GuardDutyEKSAddonManagement))
		d.ECSRuntimeMonitoring = on(GuardDutyECSFargateAgent)
		d.EC2RuntimeMonitoring = on(GuardDutyEC2Agent)
	case GuardDutyEKSRuntimeMonitoring:
		d.EKSRuntimeMonitoring = either(d.EKSRuntimeMonitoring, on(GuardDutyEKSAddonManagement))
	}
}

// NullPlans names the protection plans left null: what a source must mark
// unknown.
func (d *GuardDutyDetector) NullPlans() []string {
	var out []string
	for _, p := range []struct {
		path string
		v    *bool
	}{
		{"s3_protection", d.S3Protection}, {"eks_audit_logs", d.EKSAuditLogs},
		{"malware_protection_ec2", d.MalwareProtectionEC2}, {"rds_protection", d.RDSProtection},
		{"lambda_protection", d.LambdaProtection}, {"runtime_monitoring", d.RuntimeMonitoring},
		{"eks_runtime_monitoring", d.EKSRuntimeMonitoring}, {"ecs_runtime_monitoring", d.ECSRuntimeMonitoring},
		{"ec2_runtime_monitoring", d.EC2RuntimeMonitoring},
	} {
		if p.v == nil {
			out = append(out, p.path)
		}
	}
	return out
}
