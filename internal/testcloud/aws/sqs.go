package aws

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// sqsWorld is SQS in one region.
type sqsWorld struct {
	Queues []sqsQueue `json:"queues"`
}

// sqsQueue is a queue: its name, GetQueueAttributes's attributes (QueueArn
// is filled in) and its tags.
type sqsQueue struct {
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes"`
	Tags       map[string]string `json:"tags"`
}

// sqsPageSize is SQS's default page of ListQueues.
const sqsPageSize = 1000

func init() {
	register(&service{name: "sqs", signing: "sqs", protocol: protoJSON10,
		newWorld: func() any { return &sqsWorld{} },
		ops: map[string]op{
			"ListQueues": func(c *call) (any, error) {
				var names []string
				for _, q := range worldOf[sqsWorld](c).Queues {
					if strings.HasPrefix(q.Name, c.param("QueueNamePrefix")) {
						names = append(names, q.Name)
					}
				}
				sort.Strings(names)
				items, next, err := page(names, c.param("NextToken"), min(c.intParam("MaxResults", sqsPageSize), sqsPageSize))
				if err != nil {
					return nil, err
				}
				out := &sqs.ListQueuesOutput{NextToken: optional(next)}
				for _, n := range items {
					out.QueueUrls = append(out.QueueUrls, "https://sqs."+c.region+".amazonaws.com/"+c.account.ID+"/"+n)
				}
				return out, nil
			},
			"GetQueueAttributes": func(c *call) (any, error) {
				q, err := queueOf(c)
				if err != nil {
					return nil, err
				}
				// New queues get SSE-SQS, unless given a KMS key: a queue
				// has one server-side encryption or the other.
				sse := q.Attributes["KmsMasterKeyId"] == ""
				attrs := map[string]string{"QueueArn": c.arn("sqs", q.Name), "SqsManagedSseEnabled": strconv.FormatBool(sse)}
				for k, v := range q.Attributes {
					attrs[k] = v
				}
				return &sqs.GetQueueAttributesOutput{Attributes: attrs}, nil
			},
			"ListQueueTags": func(c *call) (any, error) {
				q, err := queueOf(c)
				if err != nil {
					return nil, err
				}
				return &sqs.ListQueueTagsOutput{Tags: q.Tags}, nil
			},
		}})
}

func queueOf(c *call) (*sqsQueue, error) {
	url := c.param("QueueUrl")
	name := url[strings.LastIndexByte(url, '/')+1:]
	for i, q := range worldOf[sqsWorld](c).Queues {
		if q.Name == name {
			return &worldOf[sqsWorld](c).Queues[i], nil
		}
	}
	return nil, badRequest("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.")
}
