package tfaws

import "github.com/vigil-sec/vigil/model"

// CloudTrail trails, with the provider's defaults.
func init() {
	registerParent("aws_cloudtrail", "aws.cloudtrail.trail", func(b *Builder) {
		a := b.R.Attributes.(*model.CloudTrailTrail)
		a.Name = b.String("name", "name", "")
		if a.Name != "" {
			b.R.Name = a.Name
		}
		a.IsLogging = b.Bool("enable_logging", "is_logging", true)
		a.IsMultiRegion = b.Bool("is_multi_region_trail", "is_multi_region", false)
		a.IncludeGlobalServiceEvents = b.Bool("include_global_service_events", "include_global_service_events", true)
		a.LogFileValidationEnabled = b.Bool("enable_log_file_validation", "log_file_validation_enabled", false)
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.S3BucketName = b.String("s3_bucket_name", "s3_bucket_name", "")
		a.CloudWatchLogsGroupARN = b.String("cloud_watch_logs_group_arn", "cloudwatch_logs_group_arn", "")
		a.IsOrganizationTrail = b.Bool("is_organization_trail", "is_organization_trail", false)
	})
}
