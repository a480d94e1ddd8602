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
		a.S3DataEvents = trailS3DataEvents(b)
	})
}

// trailS3DataEvents reads EventSelectors and AdvancedEventSelectors; an
// unknown part leaves s3_data_events unknown.
func trailS3DataEvents(b *builder) model.CloudTrailS3DataEvents {
	const mp = "s3_data_events"
	var basic []model.TrailEventSelector
	for i := range b.count("EventSelectors", mp) {
		p := model.Path("EventSelectors", i)
		sel := model.TrailEventSelector{ReadWriteType: b.str(p+".ReadWriteType", mp, "All")}
		for j := range b.count(p+".DataResources", mp) {
			q := model.Path(p+".DataResources", j)
			sel.DataResources = append(sel.DataResources, model.TrailDataResource{
				Type: b.str(q+".Type", mp, ""), Values: b.strs(q+".Values", mp)})
		}
		basic = append(basic, sel)
	}
	var advanced [][]model.TrailFieldSelector
	for i := range b.count("AdvancedEventSelectors", mp) {
		p := model.Path("AdvancedEventSelectors", i)
		var fields []model.TrailFieldSelector
		for j := range b.count(p+".FieldSelectors", mp) {
			q := model.Path(p+".FieldSelectors", j)
			fields = append(fields, model.TrailFieldSelector{
				Field:         b.str(q+".Field", mp, ""),
				Equals:        b.strs(q+".Equals", mp),
				StartsWith:    b.strs(q+".StartsWith", mp),
				EndsWith:      b.strs(q+".EndsWith", mp),
				NotEquals:     b.strs(q+".NotEquals", mp),
				NotStartsWith: b.strs(q+".NotStartsWith", mp),
				NotEndsWith:   b.strs(q+".NotEndsWith", mp),
			})
		}
		advanced = append(advanced, fields)
	}
	return model.TrailS3DataEvents(basic, advanced)
}
