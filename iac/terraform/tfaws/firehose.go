package tfaws

import "github.com/vigil-sec/vigil/model"

// Firehose delivery streams.
func init() {
	registerParent("aws_kinesis_firehose_delivery_stream", model.KindFirehoseDeliveryStream, func(b *Builder) {
		a := model.KindFirehoseDeliveryStream.Must(b.R)
		a.Name = b.NameFrom("name")
		a.DeliveryStreamType = "DirectPut"
		switch {
		case b.HasBlock("kinesis_source_configuration"):
			a.DeliveryStreamType = "KinesisStreamAsSource"
			b.locate("kinesis_source_configuration", "delivery_stream_type")
		case b.HasBlock("msk_source_configuration"):
			a.DeliveryStreamType = "MSKAsSource"
			b.locate("msk_source_configuration", "delivery_stream_type")
		}
		a.EncryptionStatus = "DISABLED"
		if b.Bool("server_side_encryption[0].enabled", "encryption_status", false) {
			a.EncryptionStatus = "ENABLED"
			a.KeyType = b.String("server_side_encryption[0].key_type", "key_type", "AWS_OWNED_CMK")
		}
	})
}
