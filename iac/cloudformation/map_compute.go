package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Lambda, EKS, CloudTrail, GuardDuty and AWS Config.
func init() {
	parent("AWS::Lambda::Function", "aws.lambda.function", func(b *builder) {
		a := attrs[model.LambdaFunction](b)
		a.Name = b.nameProp("FunctionName")
		a.Runtime = b.str("Runtime", "runtime", "")
		a.Role = b.str("Role", "role", "")
		b.relate(model.RelUsesRole, a.Role)
		a.KMSKeyARN = b.str("KmsKeyArn", "kms_key_arn", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyARN)
		a.TracingMode = b.str("TracingConfig.Mode", "tracing_mode", "PassThrough")
		a.EnvironmentVarNames = b.keys("Environment.Variables", "environment_variable_names")
		a.VPCConfigured = len(b.strs("VpcConfig.SubnetIds", "vpc_configured")) > 0
		a.Permissions = []model.LambdaPermission{}
	})
	child("AWS::Lambda::Permission", func(c *builder) {
		for _, p := range c.parentsOf("FunctionName", "AWS::Lambda::Function") {
			c.onto(p)
			a := attrs[model.LambdaFunction](c)
			mp := model.Path("permissions", len(a.Permissions))
			perm := model.LambdaPermission{
				StatementID:         c.res.id,
				Action:              c.str("Action", mp+".action", ""),
				Principal:           c.str("Principal", mp+".principal", ""),
				SourceARN:           c.str("SourceArn", mp+".source_arn", ""),
				SourceAccount:       c.str("SourceAccount", mp+".source_account", ""),
				PrincipalOrg:        c.str("PrincipalOrgID", mp+".principal_org_id", ""),
				FunctionURLAuthType: c.str("FunctionUrlAuthType", mp+".function_url_auth_type", ""),
			}
			c.locate("", mp)
			a.Permissions = append(a.Permissions, perm)
		}
	})
	child("AWS::Lambda::Url", func(c *builder) {
		for _, p := range c.parentsOf("TargetFunctionArn", "AWS::Lambda::Function") {
			c.onto(p)
			attrs[model.LambdaFunction](c).URLAuthType = c.str("AuthType", "url_auth_type", "")
		}
	})

	parent("AWS::EKS::Cluster", "aws.eks.cluster", func(b *builder) {
		a := attrs[model.EKSCluster](b)
		a.Name = b.nameProp("Name")
		a.Version = b.str("Version", "version", "")
		if !b.has("Version") {
			b.r.MarkUnknown("version") // the latest at creation
		}
		const v = "ResourcesVpcConfig."
		a.EndpointPublicAccess = b.boolean(v+"EndpointPublicAccess", "endpoint_public_access", true)
		a.EndpointPrivateAccess = b.boolean(v+"EndpointPrivateAccess", "endpoint_private_access", false)
		a.PublicAccessCIDRs = b.strs(v+"PublicAccessCidrs", "public_access_cidrs")
		if !b.has(v + "PublicAccessCidrs") {
			a.PublicAccessCIDRs = []string{"0.0.0.0/0"}
		}
		n := b.count("EncryptionConfig", "secrets_encryption")
		for i := 0; i < n; i++ {
			for _, r := range b.strs(model.Path("EncryptionConfig", i, "Resources"), "secrets_encryption") {
				if r == "secrets" {
					a.SecretsEncryption = true
					b.relate(model.RelEncryptedBy, b.str(model.Path("EncryptionConfig", i, "Provider.KeyArn"), "", ""))
				}
			}
		}
		a.EnabledLogTypes = []string{}
		n = b.count("Logging.ClusterLogging.EnabledTypes", "enabled_log_types")
		for i := 0; i < n; i++ {
			if t := b.str(model.Path("Logging.ClusterLogging.EnabledTypes", i, "Type"), "enabled_log_types", ""); t != "" {
				a.EnabledLogTypes = append(a.EnabledLogTypes, t)
			}
		}
	})

	parent("AWS::CloudTrail::Trail", "aws.cloudtrail.trail", func(b *builder) {
		a := attrs[model.CloudTrailTrail](b)
		a.Name = b.nameProp("TrailName")
		a.IsLogging = b.boolean("IsLogging", "is_logging", false)
		a.IsMultiRegion = b.boolean("IsMultiRegionTrail", "is_multi_region", false)
		a.IncludeGlobalServiceEvents = b.boolean("IncludeGlobalServiceEvents", "include_global_service_events", true)
		a.LogFileValidationEnabled = b.boolean("EnableLogFileValidation", "log_file_validation_enabled", false)
		a.KMSKeyID = b.str("KMSKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
		a.S3BucketName = b.str("S3BucketName", "s3_bucket_name", "")
		b.relate(model.RelLogsTo, a.S3BucketName)
		a.CloudWatchLogsGroupARN = b.str("CloudWatchLogsLogGroupArn", "cloudwatch_logs_group_arn", "")
		// The group's id is its ARN without the ":*" the trail names
		// (or the template's group, from !GetAtt Group.Arn).
		b.relate(model.RelLogsTo, strings.TrimSuffix(a.CloudWatchLogsGroupARN, ":*"))
		a.IsOrganizationTrail = b.boolean("IsOrganizationTrail", "is_organization_trail", false)
	})

	parent("AWS::GuardDuty::Detector", "aws.guardduty.detector", func(b *builder) {
		attrs[model.GuardDutyDetector](b).Enabled = b.boolean("Enable", "enabled", false)
	})

	parent("AWS::Config::ConfigurationRecorder", "aws.config.recorder", func(b *builder) {
		a := attrs[model.ConfigRecorder](b)
		a.Name = b.str("Name", "name", "default")
		b.r.Name = a.Name
		if b.has("RecordingGroup") {
			a.AllSupported = b.boolean("RecordingGroup.AllSupported", "all_supported", false)
			a.IncludeGlobalResourceTypes = b.boolean("RecordingGroup.IncludeGlobalResourceTypes", "include_global_resource_types", false)
		} else {
			a.AllSupported = true
		}
		// CloudFormation starts the recorder once a delivery channel
		// exists; without one in this template we cannot tell.
		a.Recording = false
		for _, r := range b.t.order {
			if r.typ == "AWS::Config::DeliveryChannel" && !r.excluded {
				a.Recording = true
			}
		}
		if !a.Recording {
			b.r.MarkUnknown("recording")
		}
	})
}
