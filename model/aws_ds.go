package model

// Kinds of this service.
var (
	KindDSDirectory = NewKind[DSDirectory]("aws.ds.directory", "AWS Directory Service directory (Managed Microsoft AD, Simple AD, AD Connector)")
)

// DSDirectory is kind aws.ds.directory.
type DSDirectory struct {
	Name           string `json:"name" doc:"the directory's DNS name"`
	Type           string `json:"type" doc:"MicrosoftAD, SimpleAD, ADConnector or SharedMicrosoftAD"`
	LogForwarding  bool   `json:"log_forwarding" doc:"the domain controllers' security logs are forwarded to a CloudWatch Logs log group (Managed Microsoft AD only)"`
	SNSEventTopics bool   `json:"sns_event_topics" doc:"an SNS topic is registered for the directory's status notifications"`
}
