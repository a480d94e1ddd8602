package cloudformation

import (
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {

	child("AWS::SNS::Subscription", func(c *builder) {
		for _, p := range c.parentsOf("TopicArn", "AWS::SNS::Topic") {
			c.onto(p)
			a := model.KindSNSTopic.Must(c.target)
			a.Subscriptions++
			c.locate("", "subscriptions")
			a.SubscriptionProtocols = addProtocol(a.SubscriptionProtocols, strings.ToLower(c.str("Protocol", "subscription_protocols", "")))
		}
	})

	parent("AWS::SNS::Topic", model.KindSNSTopic, func(b *builder) {
		a := model.KindSNSTopic.Must(b.target)
		a.Name = b.nameProp("TopicName")
		a.KMSMasterKeyID = b.str("KmsMasterKeyId", "kms_master_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSMasterKeyID)
		// Inline subscriptions; AWS::SNS::Subscription resources add to them.
		a.Subscriptions = b.count("Subscription", "subscriptions")
		if a.SubscriptionProtocols == nil {
			a.SubscriptionProtocols = []string{}
		}
		a.DeliveryStatusLogging = []string{}
		for i := range b.count("DeliveryStatusLogging", "delivery_status_logging") {
			p := strings.ToLower(b.str(model.Path("DeliveryStatusLogging", i, "Protocol"), "delivery_status_logging", ""))
			if b.str(model.Path("DeliveryStatusLogging", i, "FailureFeedbackRoleArn"), "delivery_status_logging", "") != "" {
				a.DeliveryStatusLogging = addProtocol(a.DeliveryStatusLogging, p)
			}
		}
		for i := 0; i < a.Subscriptions; i++ {
			a.SubscriptionProtocols = addProtocol(a.SubscriptionProtocols, strings.ToLower(b.str(model.Path("Subscription", i, "Protocol"), "subscription_protocols", "")))
		}
	})
	child("AWS::SNS::TopicPolicy", func(c *builder) {
		for _, p := range c.parentsOf("Topics", "AWS::SNS::Topic") {
			c.onto(p)
			model.KindSNSTopic.Must(c.target).Policy = c.policy("PolicyDocument", "policy")
		}
	})
}

// addProtocol adds a subscription's protocol to the sorted set of a
// topic's protocols ("" (absent or unknown) adds nothing).
func addProtocol(set []string, p string) []string {
	if p == "" || slices.Contains(set, p) {
		return set
	}
	set = append(set, p)
	slices.Sort(set)
	return set
}
