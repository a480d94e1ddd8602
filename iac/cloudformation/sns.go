package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	child("AWS::SNS::Subscription", func(c *builder) {
		for _, p := range c.parentsOf("TopicArn", "AWS::SNS::Topic") {
			c.onto(p)
			model.KindSNSTopic.Must(c.target).Subscriptions++
			c.locate("", "subscriptions")
		}
	})

	parent("AWS::SNS::Topic", model.KindSNSTopic, func(b *builder) {
		a := model.KindSNSTopic.Must(b.target)
		a.Name = b.nameProp("TopicName")
		a.KMSMasterKeyID = b.str("KmsMasterKeyId", "kms_master_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSMasterKeyID)
		// Inline subscriptions; AWS::SNS::Subscription resources add to them.
		a.Subscriptions = b.count("Subscription", "subscriptions")
	})
	child("AWS::SNS::TopicPolicy", func(c *builder) {
		for _, p := range c.parentsOf("Topics", "AWS::SNS::Topic") {
			c.onto(p)
			model.KindSNSTopic.Must(c.target).Policy = c.policy("PolicyDocument", "policy")
		}
	})
}
