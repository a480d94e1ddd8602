package tfaws

import "github.com/vigil-sec/vigil/model"

// CloudWatch Logs: aws_cloudwatch_log_group becomes aws.logs.log_group.
func init() {
	registerParent("aws_cloudwatch_log_group", model.KindCloudWatchLogGroup, func(b *Builder) {
		a := model.KindCloudWatchLogGroup.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.RetentionInDays = b.Int("retention_in_days", "retention_in_days", 0)
		a.MetricFilters = []model.LogMetricFilter{}
	})
}

// Metric filters join their log group (log_group_name names it).
func init() {
	registerChild("aws_cloudwatch_log_metric_filter", "log_group_name", []string{"aws_cloudwatch_log_group"}, func(p *Builder, c *Child) {
		a := model.KindCloudWatchLogGroup.Must(p.R)
		base := model.Path("metric_filters", len(a.MetricFilters))
		f := model.LogMetricFilter{
			Name:            c.String("name", base+".name", ""),
			Pattern:         c.String("pattern", base+".pattern", ""),
			MetricName:      c.String("metric_transformation[0].name", base+".metric_name", ""),
			MetricNamespace: c.String("metric_transformation[0].namespace", base+".metric_namespace", ""),
			MetricValue:     c.String("metric_transformation[0].value", base+".metric_value", ""),
		}
		f.Conditions = model.FilterConditions(f.Pattern)
		if p.R.IsUnknown(base + ".pattern") {
			p.R.MarkUnknown(base + ".conditions")
		}
		locateBlock(c, base)
		a.MetricFilters = append(a.MetricFilters, f)
	})
}
