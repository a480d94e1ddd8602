package tfaws

import (
	"maps"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// SNS topics, joined with their subscriptions and separate policies.
func init() {
	registerParent("aws_sns_topic", model.KindSNSTopic, func(b *Builder) {
		a := model.KindSNSTopic.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		a.KMSMasterKeyID = b.String("kms_master_key_id", "kms_master_key_id", "")
		a.Policy = b.Policy("policy", "policy")
		a.SubscriptionProtocols = []string{}
		a.DeliveryStatusLogging = []string{}
		for _, p := range slices.Sorted(maps.Keys(model.SNSFeedbackProtocols)) {
			if b.String(p+"_failure_feedback_role_arn", "delivery_status_logging", "") != "" {
				a.DeliveryStatusLogging = append(a.DeliveryStatusLogging, p)
			}
		}
	})
	// Each subscription counts (a declared email subscription may never
	// be confirmed: the configuration cannot tell).
	registerChild("aws_sns_topic_subscription", "topic_arn", []string{"aws_sns_topic"}, func(p *Builder, c *Child) {
		a := model.KindSNSTopic.Must(p.R)
		a.Subscriptions++
		locateBlock(c, "subscriptions")
		a.SubscriptionProtocols = addProtocol(a.SubscriptionProtocols, strings.ToLower(c.String("protocol", "subscription_protocols", "")))
	})
	registerChild("aws_sns_topic_policy", "arn", []string{"aws_sns_topic"}, func(p *Builder, c *Child) {
		model.KindSNSTopic.Must(p.R).Policy = c.Policy("policy", "policy")
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
