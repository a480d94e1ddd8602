package aws

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// snsWorld is SNS in one region.
type snsWorld struct {
	Topics []snsTopic `json:"topics"`
}

// snsTopic is a topic: its name, the GetTopicAttributes attributes set
// (the rest are AWS's defaults, the default access policy included) and
// its tags, and its subscriptions (a SubscriptionArn left out is filled
// in; "PendingConfirmation" is one not confirmed yet).
type snsTopic struct {
	Name          string                  `json:"name"`
	Attributes    map[string]string       `json:"attributes"`
	Tags          map[string]string       `json:"tags"`
	Subscriptions []snstypes.Subscription `json:"subscriptions"`
}

// snsPageSize is the most topics ListTopics returns at once.
const snsPageSize = 100

func init() {
	register(&service{name: "sns", signing: "sns", protocol: protoQuery,
		xmlns:    "http://sns.amazonaws.com/doc/2010-03-31/",
		newWorld: func() any { return &snsWorld{} },
		ops: map[string]op{
			"ListTopics": func(c *call) (any, error) {
				topics := worldOf[snsWorld](c).Topics
				items, next, err := page(topics, c.param("NextToken"), snsPageSize)
				if err != nil {
					return nil, err
				}
				out := &sns.ListTopicsOutput{Topics: []snstypes.Topic{}, NextToken: optional(next)}
				for _, t := range items {
					out.Topics = append(out.Topics, snstypes.Topic{TopicArn: aws.String(c.arn("sns", t.Name))})
				}
				return out, nil
			},
			"GetTopicAttributes": func(c *call) (any, error) {
				t, err := snsTopicOf(c, c.param("TopicArn"), "NotFound", "Topic does not exist")
				if err != nil {
					return nil, err
				}
				arn := c.arn("sns", t.Name)
				attrs := map[string]string{
					"TopicArn": arn, "Owner": c.account.ID, "DisplayName": "",
					"SubscriptionsConfirmed": "0", "SubscriptionsPending": "0", "SubscriptionsDeleted": "0",
					"Policy":                  snsDefaultPolicy(arn, c.account.ID),
					"EffectiveDeliveryPolicy": `{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}`,
				}
				maps.Copy(attrs, t.Attributes)
				return &sns.GetTopicAttributesOutput{Attributes: attrs}, nil
			},
			"ListSubscriptionsByTopic": func(c *call) (any, error) {
				t, err := snsTopicOf(c, c.param("TopicArn"), "NotFound", "Topic does not exist")
				if err != nil {
					return nil, err
				}
				items, next, err := page(t.Subscriptions, c.param("NextToken"), snsPageSize)
				if err != nil {
					return nil, err
				}
				arn := c.arn("sns", t.Name)
				out := &sns.ListSubscriptionsByTopicOutput{Subscriptions: []snstypes.Subscription{}, NextToken: optional(next)}
				for i, s := range items {
					s.TopicArn, s.Owner = aws.String(arn), aws.String(c.account.ID)
					if s.SubscriptionArn == nil {
						s.SubscriptionArn = aws.String(fmt.Sprintf("%s:%08x-0000-4000-8000-%012x", arn, i, i))
					}
					out.Subscriptions = append(out.Subscriptions, s)
				}
				return out, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				t, err := snsTopicOf(c, c.param("ResourceArn"), "ResourceNotFound", "Resource does not exist")
				if err != nil {
					return nil, err
				}
				out := &sns.ListTagsForResourceOutput{Tags: []snstypes.Tag{}}
				for _, k := range slices.Sorted(maps.Keys(t.Tags)) {
					out.Tags = append(out.Tags, snstypes.Tag{Key: aws.String(k), Value: aws.String(t.Tags[k])})
				}
				return out, nil
			},
		}})
}

// snsTopicOf finds the topic an ARN names in the call's account and
// region, answering code when there is none.
func snsTopicOf(c *call, arn, code, msg string) (*snsTopic, error) {
	if !strings.HasPrefix(arn, "arn:") || strings.Count(arn, ":") != 5 {
		return nil, badRequest("InvalidParameter", "Invalid parameter: TopicArn")
	}
	topics := worldOf[snsWorld](c).Topics
	for i := range topics {
		if c.arn("sns", topics[i].Name) == arn {
			return &topics[i], nil
		}
	}
	return nil, notFound(code, "%s", msg)
}

// snsDefaultPolicy is the access policy AWS gives a new topic: the owner
// account's principals only, by an aws:SourceOwner condition.
func snsDefaultPolicy(arn, account string) string {
	return `{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow",` +
		`"Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission",` +
		`"SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Resource":"` + arn + `",` +
		`"Condition":{"StringEquals":{"AWS:SourceOwner":"` + account + `"}}}]}`
}
