package tfaws

import "github.com/vigil-sec/vigil/model"

// SNS topics, joined with their subscriptions and separate policies.
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
}
