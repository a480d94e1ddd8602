package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::CloudTrail::Trail", model.KindCloudTrailTrail, func(b *builder) {
		a := model.KindCloudTrailTrail.Must(b.target)
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
}
