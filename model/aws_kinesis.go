package model

// Kinds of this service.
var (
	KindKinesisStream = NewKind[KinesisStream]("aws.kinesis.stream", "Kinesis data stream")
)

// KinesisStream is kind aws.kinesis.stream.
type KinesisStream struct {
	Name                 string `json:"name"`
	EncryptionType       string `json:"encryption_type" doc:"NONE or KMS (server-side encryption at rest)"`
	KMSKeyID             string `json:"kms_key_id" doc:"the KMS key (alias/aws/kinesis is AWS's managed key); empty without encryption"`
	RetentionPeriodHours int    `json:"retention_period_hours" doc:"how long records are kept (24 by default, up to 8760)"`
}
