package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("sqs", false, collectSQS) }

// collectSQS reads every queue with its attributes (encryption, policy)
// and tags into aws.sqs.queue.
func collectSQS(ctx context.Context, s *scope) {
	client := sqs.NewFromConfig(s.Config())
	p := sqs.NewListQueuesPaginator(client, &sqs.ListQueuesInput{MaxResults: aws.Int32(1000)})
	var queues []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListQueues", err)
			return
		}
		queues = append(queues, page.QueueUrls...)
	}
	forEach(s, queues, func(url string) {
		attrs, err := client.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
			QueueUrl: aws.String(url), AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameAll}})
		if err != nil {
			s.failResource("GetQueueAttributes", url, err)
			return
		}
		a := attrs.Attributes
		q := &model.SQSQueue{
			Name:                 url[strings.LastIndexByte(url, '/')+1:],
			KMSMasterKeyID:       a["KmsMasterKeyId"],
			SQSManagedSSEEnabled: a["SqsManagedSseEnabled"] == "true",
		}
		rd := s.reads(a["QueueArn"])
		if pol := a["Policy"]; pol != "" {
			rd.call("GetQueueAttributes", []string{"policy"}, func() (err error) {
				q.Policy, err = model.ParsePolicyDocument(pol)
				return err
			})
		}
		var tags map[string]string
		rd.call("ListQueueTags", []string{model.TagsPath}, func() error {
			t, err := client.ListQueueTags(ctx, &sqs.ListQueueTagsInput{QueueUrl: aws.String(url)})
			if err != nil {
				return err
			}
			if len(t.Tags) > 0 {
				tags = t.Tags
			}
			return nil
		})
		var rels []model.Relation
		if q.KMSMasterKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: q.KMSMasterKeyID})
		}
		rd.add(model.KindSQSQueue.With(q), q.Name, a, tags, rels...)
	})
}
