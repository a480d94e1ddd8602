package cloudformation

import "github.com/vigil-sec/vigil/model"

func init() {
	parent("AWS::KinesisFirehose::DeliveryStream", model.KindFirehoseDeliveryStream, func(b *builder) {
		a := model.KindFirehoseDeliveryStream.Must(b.target)
		a.Name = b.nameProp("DeliveryStreamName")
		a.DeliveryStreamType = b.str("DeliveryStreamType", "delivery_stream_type", "DirectPut")
		a.EncryptionStatus = "DISABLED"
		if b.has("DeliveryStreamEncryptionConfigurationInput") {
			a.EncryptionStatus = "ENABLED"
			b.locate("DeliveryStreamEncryptionConfigurationInput", "encryption_status")
			a.KeyType = b.str("DeliveryStreamEncryptionConfigurationInput.KeyType", "key_type", "")
			if k := b.str("DeliveryStreamEncryptionConfigurationInput.KeyARN", "", ""); k != "" {
				b.relate(model.RelEncryptedBy, k)
			}
		}
	})
}
