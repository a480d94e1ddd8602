package model

// Kinds of this service.
var (
	KindSNSTopic = NewKind[SNSTopic]("aws.sns.topic", "SNS topic")
)

// SNSTopic is kind aws.sns.topic.
type SNSTopic struct {
	Name           string          `json:"name"`
	KMSMasterKeyID string          `json:"kms_master_key_id" doc:"empty when the topic is not encrypted"`
	Policy         *PolicyDocument `json:"policy"`
	// Subscriptions tell whether anyone receives what the topic publishes.
	Subscriptions int `json:"subscriptions" doc:"confirmed subscriptions (live); subscriptions the configuration declares (IaC)"`
	// SubscriptionProtocols says how the topic delivers, never where: the
	// endpoints (URLs, addresses) are not kept.
	SubscriptionProtocols []string `json:"subscription_protocols" doc:"protocols of the topic's confirmed (live) or declared (IaC) subscriptions, each once, sorted: http, https, email, email-json, sms, sqs, lambda, application, firehose"`
	// DeliveryStatusLogging names the protocols whose failed deliveries
	// SNS logs to CloudWatch Logs (a failure feedback role is set).
	DeliveryStatusLogging []string `json:"delivery_status_logging" doc:"protocols with delivery status logging (a failure feedback role), sorted: application, firehose, http (for http and https), lambda, sqs"`
}

// SNSFeedbackProtocols maps the protocols SNS logs delivery status for to
// the prefix of their topic attributes (HTTPFailureFeedbackRoleArn ...).
var SNSFeedbackProtocols = map[string]string{
	"application": "Application", "firehose": "Firehose", "http": "HTTP", "lambda": "Lambda", "sqs": "SQS",
}
