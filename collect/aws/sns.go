package aws

import (
	"context"
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
		topic := &model.SNSTopic{Name: arn[strings.LastIndexByte(arn, ':')+1:]}
		// A topic whose attributes cannot be read is still a topic: it is
		// kept, with its encryption and policy unknown rather than absent.
		var unknown []string
		var a map[string]string
		if out, err := client.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: t.TopicArn}); err != nil {
			s.fail("GetTopicAttributes", err)
			unknown = append(unknown, "kms_master_key_id", "policy")
		} else {
			a = out.Attributes
			topic.KMSMasterKeyID = a["KmsMasterKeyId"]
			if pol := a["Policy"]; pol != "" {
				if doc, err := model.ParsePolicyDocument(pol); err == nil {
					topic.Policy = doc
				} else {
					s.fail("GetTopicAttributes", err)
					unknown = append(unknown, "policy")
				}
			}
		}
		var tags map[string]string
		if tt, err := client.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceArn: t.TopicArn}); err != nil {
			s.fail("ListTagsForResource", err)
		} else {
			for _, tag := range tt.Tags {
				if tags == nil {
					tags = map[string]string{}
				}
				tags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
			}
		}
		var rels []model.Relation
		if topic.KMSMasterKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: topic.KMSMasterKeyID})
		}
		markUnknown(s.add(arn, "aws.sns.topic", topic.Name, topic, a, tags, rels...), unknown)
	})
}
