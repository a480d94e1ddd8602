package model

// Kinds of this service.
var (
	KindCloudWatchLogGroup = NewKind[CloudWatchLogGroup]("aws.logs.log_group", "CloudWatch Logs log group")
)

// CloudWatchLogGroup is kind aws.logs.log_group.
type CloudWatchLogGroup struct {
	Name            string `json:"name"`
	KMSKeyID        string `json:"kms_key_id"`
	RetentionInDays int    `json:"retention_in_days" doc:"0 means never expire"`
	// MetricFilters feed the CIS monitoring controls' alarms.
	MetricFilters []LogMetricFilter `json:"metric_filters" doc:"metric filters on the group's events"`
}

// LogMetricFilter is a metric filter of a log group: the events its
// pattern matches count into a metric.
type LogMetricFilter struct {
	Name            string   `json:"name"`
	Pattern         string   `json:"pattern" doc:"the filter pattern as written"`
	Conditions      []string `json:"conditions" doc:"the conditions of a JSON filter pattern, normalized (FilterConditions): \"$.eventName = ConsoleLogin\", \"$.userIdentity.invokedBy NOT EXISTS\"; empty for other patterns"`
	MetricName      string   `json:"metric_name"`
	MetricNamespace string   `json:"metric_namespace"`
	MetricValue     string   `json:"metric_value"`
}
