package cloudformation

import "github.com/vigil-sec/vigil/model"

func init() {
	parent("AWS::Kinesis::Stream", model.KindKinesisStream, func(b *builder) {
		a := model.KindKinesisStream.Must(b.target)
		a.Name = b.nameProp("Name")
		a.EncryptionType = b.str("StreamEncryption.EncryptionType", "encryption_type", "NONE")
		a.KMSKeyID = b.str("StreamEncryption.KeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.RetentionPeriodHours = b.integer("RetentionPeriodHours", "retention_period_hours", 24)
	})
}
