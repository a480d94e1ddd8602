package model

// Kinds of this service.
var (
	KindFirehoseDeliveryStream = NewKind[FirehoseDeliveryStream]("aws.firehose.delivery_stream", "Amazon Data Firehose delivery stream")
)

// FirehoseDeliveryStream is kind aws.firehose.delivery_stream.
type FirehoseDeliveryStream struct {
	Name               string `json:"name"`
	DeliveryStreamType string `json:"delivery_stream_type" doc:"DirectPut, KinesisStreamAsSource, MSKAsSource or DatabaseAsSource"`
	EncryptionStatus   string `json:"encryption_status" doc:"server-side encryption of a DirectPut stream: ENABLED, DISABLED (the default), ENABLING ..."`
	KeyType            string `json:"key_type" doc:"AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK; empty without encryption"`
}
