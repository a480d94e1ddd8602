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
}
