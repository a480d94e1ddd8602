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
}
