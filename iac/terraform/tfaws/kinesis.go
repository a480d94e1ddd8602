package tfaws

import "github.com/vigil-sec/vigil/model"

// Kinesis data streams.
func init() {
	registerParent("aws_kinesis_stream", model.KindKinesisStream, func(b *Builder) {
		a := model.KindKinesisStream.Must(b.R)
		a.Name = b.NameFrom("name")
		a.EncryptionType = b.String("encryption_type", "encryption_type", "NONE")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.RetentionPeriodHours = b.Int("retention_period", "retention_period_hours", 24)
	})
}
