package aws

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("sns", false, collectSNS) }

// collectSNS reads every topic with its attributes (encryption key, access
// policy) and tags into aws.sns.topic.
func collectSNS(ctx context.Context, s *scope) {
	client := sns.NewFromConfig(s.Config())
	p := sns.NewListTopicsPaginator(client, &sns.ListTopicsInput{})
	var topics []snstypes.Topic
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListTopics", err)
			return
		}
		topics = append(topics, page.Topics...)
	}
	forEach(s, topics, func(t snstypes.Topic) {
		arn := aws.ToString(t.TopicArn)
		topic := &model.SNSTopic{Name: arn[strings.LastIndexByte(arn, ':')+1:], SubscriptionProtocols: []string{}}
		// A topic whose attributes cannot be read is still a topic: it is
		// kept, with its encryption and policy unknown rather than absent.
		rd := s.reads(arn)
		var a map[string]string
		rd.call("GetTopicAttributes", []string{"kms_master_key_id", "policy", "subscriptions", "delivery_status_logging"}, func() error {
			out, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: t.TopicArn})
			if err != nil {
				return err
			}
			a = out.Attributes
			topic.KMSMasterKeyID = a["KmsMasterKeyId"]
			// Pending subscriptions deliver nothing until confirmed.
			topic.Subscriptions, _ = strconv.Atoi(a["SubscriptionsConfirmed"])
			topic.DeliveryStatusLogging = []string{}
			for _, p := range slices.Sorted(maps.Keys(model.SNSFeedbackProtocols)) {
				if a[model.SNSFeedbackProtocols[p]+"FailureFeedbackRoleArn"] != "" {
					topic.DeliveryStatusLogging = append(topic.DeliveryStatusLogging, p)
				}
			}
			return nil
		})
		if pol := a["Policy"]; pol != "" {
			rd.call("GetTopicAttributes", []string{"policy"}, func() (err error) {
				topic.Policy, err = model.ParsePolicyDocument(pol)
				return err
			})
		}
		// A subscription pending confirmation (its ARN "PendingConfirmation")
		// delivers nothing yet.
		rd.call("ListSubscriptionsByTopic", []string{"subscription_protocols"}, func() error {
			protocols := map[string]bool{}
			sp := sns.NewListSubscriptionsByTopicPaginator(client, &sns.ListSubscriptionsByTopicInput{TopicArn: t.TopicArn})
			for sp.HasMorePages() {
				page, err := sp.NextPage(ctx)
				if err != nil {
					return err
				}
				for _, sub := range page.Subscriptions {
					if aws.ToString(sub.SubscriptionArn) != "PendingConfirmation" && sub.Protocol != nil {
						protocols[strings.ToLower(*sub.Protocol)] = true
					}
				}
			}
			topic.SubscriptionProtocols = append([]string{}, slices.Sorted(maps.Keys(protocols))...)
			return nil
		})
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			tt, err := client.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: t.TopicArn})
			if err != nil {
				return err
			}
			tags = addTags(tags, tt.Tags, func(t snstypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		var rels []model.Relation
		if topic.KMSMasterKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: topic.KMSMasterKeyID})
		}
		rd.add(model.KindSNSTopic.With(topic), topic.Name, a, tags, rels...)
	})
}
