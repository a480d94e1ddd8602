package tfaws

import "github.com/vigil-sec/vigil/model"

// SNS topics and SQS queues, joined with their separate policy resources.
func init() {
	registerParent("aws_sns_topic", model.KindSNSTopic, func(b *Builder) {
		a := model.KindSNSTopic.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		a.KMSMasterKeyID = b.String("kms_master_key_id", "kms_master_key_id", "")
		a.Policy = b.Policy("policy", "policy")
	})
	// Each subscription counts (a declared email subscription may never
	// be confirmed: the configuration cannot tell).
	registerChild("aws_sns_topic_subscription", "topic_arn", []string{"aws_sns_topic"}, func(p *Builder, c *Child) {
		model.KindSNSTopic.Must(p.R).Subscriptions++
		locateBlock(c, "subscriptions")
	})
	registerChild("aws_sns_topic_policy", "arn", []string{"aws_sns_topic"}, func(p *Builder, c *Child) {
		model.KindSNSTopic.Must(p.R).Policy = c.Policy("policy", "policy")
	})

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
