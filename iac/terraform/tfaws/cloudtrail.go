package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// CloudTrail trails, with the provider's defaults.
func init() {
	registerParent("aws_cloudtrail", model.KindCloudTrailTrail, func(b *Builder) {
		a := model.KindCloudTrailTrail.Must(b.R)
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
		basic, advanced := trailSelectors(b)
		a.S3DataEvents = model.TrailS3DataEvents(basic, advanced)
		a.ManagementEvents = model.TrailManagementEvents(basic, advanced)
	})
}

// trailSelectors reads the trail's event_selector and
// advanced_event_selector blocks; any unknown part (a dynamic block over
// an unknown collection, a value from a variable without default) leaves
// what the selectors decide (s3_data_events, management_events) unknown.
func trailSelectors(b *Builder) ([]model.TrailEventSelector, [][]model.TrailFieldSelector) {
	const mp = "s3_data_events"
	unknown := func(p string) {
		for _, m := range []string{mp, "management_events"} {
			b.Target().MarkUnknown(m)
		}
	}
	blocks := func(p string) []map[string]any {
		if v, ok := b.Lookup(p); ok && instance.IsUnknown(v) {
			b.locate(p, mp)
			b.locate(p, "management_events")
			unknown(p)
			return nil
		}
		return b.Blocks(p)
	}
	// str, boolean and strs read a value for both attributes: its location
	// is theirs, and an unknown value (or element) makes them unknown.
	known := func(p string) (any, bool) {
		v, ok := b.Lookup(p)
		if !ok {
			return nil, false
		}
		for _, m := range []string{mp, "management_events"} {
			b.locate(p, m)
		}
		if instance.IsUnknown(v) {
			unknown(p)
			return nil, false
		}
		if l, ok := v.([]any); ok {
			for _, e := range l {
				if instance.IsUnknown(e) {
					unknown(p)
				}
			}
		}
		return v, true
	}
	str := func(p, def string) string {
		if _, ok := known(p); !ok {
			return def
		}
		return b.String(p, "", def)
	}
	boolean := func(p string, def bool) bool {
		if _, ok := known(p); !ok {
			return def
		}
		return b.Bool(p, "", def)
	}
	strs := func(p string) []string {
		if _, ok := known(p); !ok {
			return nil
		}
		return b.Strings(p, "")
	}
	var basic []model.TrailEventSelector
	for i := range blocks("event_selector") {
		p := model.Path("event_selector", i)
		sel := model.TrailEventSelector{ReadWriteType: str(p+".read_write_type", "All"),
			IncludeManagementEvents: boolean(p+".include_management_events", true), ExcludeManagementEventSources: strs(p + ".exclude_management_event_sources")}
		for j := range blocks(p + ".data_resource") {
			q := model.Path(p+".data_resource", j)
			sel.DataResources = append(sel.DataResources, model.TrailDataResource{
				Type: str(q+".type", ""), Values: strs(q + ".values")})
		}
		basic = append(basic, sel)
	}
	var advanced [][]model.TrailFieldSelector
	for i := range blocks("advanced_event_selector") {
		p := model.Path("advanced_event_selector", i)
		var fields []model.TrailFieldSelector
		for j := range blocks(p + ".field_selector") {
			q := model.Path(p+".field_selector", j)
			fields = append(fields, model.TrailFieldSelector{
				Field:         str(q+".field", ""),
				Equals:        strs(q + ".equals"),
				StartsWith:    strs(q + ".starts_with"),
				EndsWith:      strs(q + ".ends_with"),
				NotEquals:     strs(q + ".not_equals"),
				NotStartsWith: strs(q + ".not_starts_with"),
				NotEndsWith:   strs(q + ".not_ends_with"),
			})
		}
		advanced = append(advanced, fields)
	}
	return basic, advanced
}

// A trail's relations name the log group and the bucket it delivers to by
// their resource ids when the configuration holds them, as a live trail's
// name them by ARN: the monitoring and bucket-logging rules follow them.
func init() { finishers = append(finishers, finishTrails) }

func finishTrails(all []*Builder) {
	idx := indexAddresses(all)
	var groups, buckets []*Builder
	for _, b := range all {
		switch b.In.Type {
		case "aws_cloudwatch_log_group":
			groups = append(groups, b)
		case "aws_s3_bucket":
			buckets = append(buckets, b)
		}
	}
	for _, b := range all {
		if b.In.Type != "aws_cloudtrail" {
			continue
		}
		a := model.KindCloudTrailTrail.Must(b.R)
		if a.CloudWatchLogsGroupARN != "" {
			target := strings.TrimSuffix(a.CloudWatchLogsGroupARN, ":*")
			if g := first(idx.refs(b, "cloud_watch_logs_group_arn", "aws_cloudwatch_log_group")); g != nil {
				target = g.R.ID
			} else if g := placeholderOf(groups, a.CloudWatchLogsGroupARN, "aws_cloudwatch_log_group"); g != nil {
				target = g.R.ID
			} else if _, name, ok := strings.Cut(target, ":log-group:"); ok {
				for _, g := range groups {
					if g.In.Module == b.In.Module && model.KindCloudWatchLogGroup.Must(g.R).Name == name {
						target = g.R.ID
					}
				}
			}
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelLogsTo, Target: target})
		}
		if a.S3BucketName != "" {
			target := "arn:aws:s3:::" + a.S3BucketName
			if bk := first(idx.refs(b, "s3_bucket_name", "aws_s3_bucket")); bk != nil {
				target = bk.R.ID
			} else {
				for _, bk := range buckets {
					if bk.In.Module == b.In.Module && model.KindS3Bucket.Must(bk.R).Name == a.S3BucketName {
						target = bk.R.ID
					}
				}
			}
			b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelLogsTo, Target: target})
		}
	}
}

func first(bs []*Builder) *Builder {
	if len(bs) == 0 {
		return nil
	}
	return bs[0]
}
