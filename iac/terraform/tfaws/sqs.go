package tfaws

import "github.com/vigil-sec/vigil/model"

// SQS queues, joined with their separate policies.
func init() {
	registerParent("aws_sqs_queue", model.KindSQSQueue, func(b *Builder) {
		a := model.KindSQSQueue.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		a.KMSMasterKeyID = b.String("kms_master_key_id", "kms_master_key_id", "")
		// New queues get SSE-SQS unless a KMS key is chosen (AWS default
		// since late 2022; the provider leaves the attribute computed). An
		// empty kms_master_key_id is no choice: the provider sends none.
		a.SQSManagedSSEEnabled = b.Bool("sqs_managed_sse_enabled", "sqs_managed_sse_enabled", a.KMSMasterKeyID == "" && !b.R.IsUnknown("kms_master_key_id"))
		if b.R.IsUnknown("kms_master_key_id") && !b.Has("sqs_managed_sse_enabled") {
			b.R.MarkUnknown("sqs_managed_sse_enabled")
		}
		a.Policy = b.Policy("policy", "policy")
	})
	registerChild("aws_sqs_queue_policy", "queue_url", []string{"aws_sqs_queue"}, func(p *Builder, c *Child) {
		model.KindSQSQueue.Must(p.R).Policy = c.Policy("policy", "policy")
	})
}
