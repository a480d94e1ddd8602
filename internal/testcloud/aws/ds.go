package aws

import (
	"slices"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/directoryservice"
	dstypes "github.com/aws/aws-sdk-go-v2/service/directoryservice/types"
)

// dsWorld is Directory Service in one region: directories as
// DescribeDirectories answers them, with the log group each forwards to
// (none when empty), the SNS topics registered for it, and its tags.
type dsWorld struct {
	Directories []dsDirectory `json:"directories"`
}

type dsDirectory struct {
	Directory dstypes.DirectoryDescription `json:"directory"`
	LogGroup  string                       `json:"logGroup"`
	Topics    []string                     `json:"topics"`
	Tags      map[string]string            `json:"tags"`
}

// Page sizes when Limit is absent.
const dsPage = 100

func init() {
	register(&service{name: "ds", signing: "ds", protocol: protoJSON11,
		newWorld: func() any { return &dsWorld{} },
		ops: map[string]op{
			"DescribeDirectories": func(c *call) (any, error) {
				var in directoryservice.DescribeDirectoriesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []dstypes.DirectoryDescription
				for _, d := range worldOf[dsWorld](c).Directories {
					if len(in.DirectoryIds) == 0 || slices.Contains(in.DirectoryIds, aws.ToString(d.Directory.DirectoryId)) {
						all = append(all, d.Directory)
					}
				}
				items, next, err := page(all, aws.ToString(in.NextToken), dsLimit(in.Limit))
				if err != nil {
					return nil, badRequest("InvalidNextTokenException", "The NextToken is invalid.")
				}
				return &directoryservice.DescribeDirectoriesOutput{DirectoryDescriptions: append([]dstypes.DirectoryDescription{}, items...), NextToken: optional(next)}, nil
			},
			"ListLogSubscriptions": func(c *call) (any, error) {
				var in directoryservice.ListLogSubscriptionsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []dstypes.LogSubscription
				for _, d := range worldOf[dsWorld](c).Directories {
					id := aws.ToString(d.Directory.DirectoryId)
					if d.LogGroup != "" && (in.DirectoryId == nil || aws.ToString(in.DirectoryId) == id) {
						all = append(all, dstypes.LogSubscription{DirectoryId: aws.String(id), LogGroupName: aws.String(d.LogGroup)})
					}
				}
				items, next, err := page(all, aws.ToString(in.NextToken), dsLimit(in.Limit))
				if err != nil {
					return nil, badRequest("InvalidNextTokenException", "The NextToken is invalid.")
				}
				return &directoryservice.ListLogSubscriptionsOutput{LogSubscriptions: append([]dstypes.LogSubscription{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeEventTopics": func(c *call) (any, error) {
				var in directoryservice.DescribeEventTopicsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				out := &directoryservice.DescribeEventTopicsOutput{EventTopics: []dstypes.EventTopic{}}
				for _, d := range worldOf[dsWorld](c).Directories {
					id := aws.ToString(d.Directory.DirectoryId)
					if in.DirectoryId != nil && aws.ToString(in.DirectoryId) != id {
						continue
					}
					for _, t := range d.Topics {
						out.EventTopics = append(out.EventTopics, dstypes.EventTopic{DirectoryId: aws.String(id), TopicName: aws.String(t),
							TopicArn: aws.String(c.arn("sns", t)), Status: dstypes.TopicStatusRegistered})
					}
				}
				return out, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				var in directoryservice.ListTagsForResourceInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				for _, d := range worldOf[dsWorld](c).Directories {
					if aws.ToString(d.Directory.DirectoryId) != aws.ToString(in.ResourceId) {
						continue
					}
					keys := make([]string, 0, len(d.Tags))
					for k := range d.Tags {
						keys = append(keys, k)
					}
					sort.Strings(keys)
					var tags []dstypes.Tag
					for _, k := range keys {
						tags = append(tags, dstypes.Tag{Key: aws.String(k), Value: aws.String(d.Tags[k])})
					}
					items, next, err := page(tags, aws.ToString(in.NextToken), dsLimit(in.Limit))
					if err != nil {
						return nil, badRequest("InvalidNextTokenException", "The NextToken is invalid.")
					}
					return &directoryservice.ListTagsForResourceOutput{Tags: append([]dstypes.Tag{}, items...), NextToken: optional(next)}, nil
				}
				return nil, badRequest("EntityDoesNotExistException", "Directory %s does not exist.", aws.ToString(in.ResourceId))
			},
		}})
}

func dsLimit(l *int32) int {
	if n := int(aws.ToInt32(l)); n > 0 {
		return n
	}
	return dsPage
}
