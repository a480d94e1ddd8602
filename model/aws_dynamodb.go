package model

// Kinds of this service.
var (
	KindDynamoDBTable = NewKind[DynamoDBTable]("aws.dynamodb.table", "DynamoDB table")
)

// DynamoDBTable is kind aws.dynamodb.table.
type DynamoDBTable struct {
	Name                string          `json:"name"`
	PointInTimeRecovery bool            `json:"point_in_time_recovery"`
	SSEEnabled          bool            `json:"sse_enabled" doc:"encrypted with a KMS key (AWS managed or customer managed) rather than an AWS owned key"`
	KMSKeyARN           string          `json:"kms_key_arn"`
	DeletionProtection  bool            `json:"deletion_protection" doc:"DeleteTable is refused until deletion protection is turned off"`
	Policy              *PolicyDocument `json:"policy" doc:"the table's resource policy; null when it has none"`
}
