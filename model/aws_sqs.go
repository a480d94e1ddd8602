package model

// Kinds of this service.
var (
	KindSQSQueue = NewKind[SQSQueue]("aws.sqs.queue", "SQS queue")
)

// SQSQueue is kind aws.sqs.queue.
type SQSQueue struct {
	Name                 string          `json:"name"`
	KMSMasterKeyID       string          `json:"kms_master_key_id"`
	SQSManagedSSEEnabled bool            `json:"sqs_managed_sse_enabled"`
	Policy               *PolicyDocument `json:"policy"`
}
