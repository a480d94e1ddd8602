package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	child("AWS::Logs::MetricFilter", func(c *builder) {
		for _, p := range c.parentsOf("LogGroupName", "AWS::Logs::LogGroup") {
			c.onto(p)
			a := model.KindCloudWatchLogGroup.Must(c.target)
			base := model.Path("metric_filters", len(a.MetricFilters))
			f := model.LogMetricFilter{
				Name:            c.str("FilterName", base+".name", ""),
				Pattern:         c.str("FilterPattern", base+".pattern", ""),
				MetricName:      c.str("MetricTransformations[0].MetricName", base+".metric_name", ""),
				MetricNamespace: c.str("MetricTransformations[0].MetricNamespace", base+".metric_namespace", ""),
				MetricValue:     c.str("MetricTransformations[0].MetricValue", base+".metric_value", ""),
			}
			f.Conditions = model.FilterConditions(f.Pattern)
			if c.target.IsUnknown(base + ".pattern") {
				c.target.MarkUnknown(base + ".conditions")
			}
			c.locate("", base)
			a.MetricFilters = append(a.MetricFilters, f)
		}
	})

	parent("AWS::Logs::LogGroup", model.KindCloudWatchLogGroup, func(b *builder) {
		a := model.KindCloudWatchLogGroup.Must(b.target)
		a.Name = b.nameProp("LogGroupName")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
		a.RetentionInDays = b.integer("RetentionInDays", "retention_in_days", 0)
	})
}
