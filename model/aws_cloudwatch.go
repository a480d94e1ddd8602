package model

// Kinds of this service.
var (
	KindCloudWatchAlarm = NewKind[CloudWatchAlarm]("aws.cloudwatch.alarm", "CloudWatch metric alarm")
)

// CloudWatchAlarm is kind aws.cloudwatch.alarm (a metric alarm).
type CloudWatchAlarm struct {
	Name           string `json:"name"`
	MetricName     string `json:"metric_name"`
	Namespace      string `json:"namespace"`
	ActionsEnabled bool   `json:"actions_enabled"`
	AlarmActions   int    `json:"alarm_actions" doc:"number of actions run when the alarm fires"`
	// AlarmActionARNs name where the alarm notifies.
	AlarmActionARNs []string `json:"alarm_action_arns" doc:"the actions run when the alarm fires (SNS topics, Auto Scaling, EC2 actions); in IaC a topic of the configuration is also a notifies relation to its resource id"`
}
