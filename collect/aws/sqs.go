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
			s.fail("GetQueueAttributes", err)
			return
		}
		a := attrs.Attributes
		q := &model.SQSQueue{
			Name:                 url[strings.LastIndexByte(url, '/')+1:],
			KMSMasterKeyID:       a["KmsMasterKeyId"],
			SQSManagedSSEEnabled: a["SqsManagedSseEnabled"] == "true",
		}
		if pol := a["Policy"]; pol != "" {
			if doc, err := model.ParsePolicyDocument(pol); err == nil {
				q.Policy = doc
			}
		}
		var tags map[string]string
		if t, err := client.ListQueueTags(ctx, &sqs.ListQueueTagsInput{QueueUrl: aws.String(url)}); err != nil {
			s.fail("ListQueueTags", err)
		} else {
			tags = t.Tags
		}
		var rels []model.Relation
		if q.KMSMasterKeyID != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: q.KMSMasterKeyID})
		}
		s.add(a["QueueArn"], "aws.sqs.queue", q.Name, q, a, tags, rels...)
	})
}
