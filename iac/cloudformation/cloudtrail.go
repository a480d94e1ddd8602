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
		basic, advanced := trailSelectors(b)
		a.S3DataEvents = model.TrailS3DataEvents(basic, advanced)
		a.ManagementEvents = model.TrailManagementEvents(basic, advanced)
	})
}

// trailSelectors reads EventSelectors and AdvancedEventSelectors; an
// unknown part leaves what they decide (s3_data_events,
// management_events) unknown.
func trailSelectors(b *builder) ([]model.TrailEventSelector, [][]model.TrailFieldSelector) {
	// Each value is read for both attributes: the first marks it unknown
	// and locates it, the second does the same for management_events.
	const mp = "s3_data_events"
	both := func(read func(m string)) { read(mp); read("management_events") }
	count := func(p string) (n int) { both(func(m string) { n = b.count(p, m) }); return n }
	str := func(p, def string) (v string) { both(func(m string) { v = b.str(p, m, def) }); return v }
	boolean := func(p string, def bool) (v bool) { both(func(m string) { v = b.boolean(p, m, def) }); return v }
	strs := func(p string) (v []string) { both(func(m string) { v = b.strs(p, m) }); return v }
	var basic []model.TrailEventSelector
	for i := range count("EventSelectors") {
		p := model.Path("EventSelectors", i)
		sel := model.TrailEventSelector{ReadWriteType: str(p+".ReadWriteType", "All"),
			IncludeManagementEvents: boolean(p+".IncludeManagementEvents", true), ExcludeManagementEventSources: strs(p + ".ExcludeManagementEventSources")}
		for j := range count(p + ".DataResources") {
			q := model.Path(p+".DataResources", j)
			sel.DataResources = append(sel.DataResources, model.TrailDataResource{Type: str(q+".Type", ""), Values: strs(q + ".Values")})
		}
		basic = append(basic, sel)
	}
	var advanced [][]model.TrailFieldSelector
	for i := range count("AdvancedEventSelectors") {
		p := model.Path("AdvancedEventSelectors", i)
		var fields []model.TrailFieldSelector
		for j := range count(p + ".FieldSelectors") {
			q := model.Path(p+".FieldSelectors", j)
			fields = append(fields, model.TrailFieldSelector{
				Field:         str(q+".Field", ""),
				Equals:        strs(q + ".Equals"),
				StartsWith:    strs(q + ".StartsWith"),
				EndsWith:      strs(q + ".EndsWith"),
				NotEquals:     strs(q + ".NotEquals"),
				NotStartsWith: strs(q + ".NotStartsWith"),
				NotEndsWith:   strs(q + ".NotEndsWith"),
			})
		}
		advanced = append(advanced, fields)
	}
	return basic, advanced
}
