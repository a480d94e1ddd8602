package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::SQS::Queue", model.KindSQSQueue, func(b *builder) {
		a := model.KindSQSQueue.Must(b.target)
		a.Name = b.nameProp("QueueName")
		a.KMSMasterKeyID = b.str("KmsMasterKeyId", "kms_master_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSMasterKeyID)
		// New queues get SSE-SQS unless a KMS key is chosen or it is
		// turned off.
		a.SQSManagedSSEEnabled = b.boolean("SqsManagedSseEnabled", "sqs_managed_sse_enabled", !b.has("KmsMasterKeyId"))
	})
	child("AWS::SQS::QueuePolicy", func(c *builder) {
		for _, p := range c.parentsOf("Queues", "AWS::SQS::Queue") {
			c.onto(p)
			model.KindSQSQueue.Must(c.target).Policy = c.policy("PolicyDocument", "policy")
		}
	})
}
