package model

// Kinds of this service.
var (
	KindCloudTrailTrail = NewKind[CloudTrailTrail]("aws.cloudtrail.trail", "CloudTrail trail")
)

// CloudTrailTrail is kind aws.cloudtrail.trail.
type CloudTrailTrail struct {
	Name                       string `json:"name"`
	IsLogging                  bool   `json:"is_logging"`
	IsMultiRegion              bool   `json:"is_multi_region"`
	IncludeGlobalServiceEvents bool   `json:"include_global_service_events"`
	LogFileValidationEnabled   bool   `json:"log_file_validation_enabled"`
	KMSKeyID                   string `json:"kms_key_id"`
	S3BucketName               string `json:"s3_bucket_name"`
	CloudWatchLogsGroupARN     string `json:"cloudwatch_logs_group_arn"`
	IsOrganizationTrail        bool   `json:"is_organization_trail"`
}
