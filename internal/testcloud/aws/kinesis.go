package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kintypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"
)

// kinesisWorld is Kinesis Data Streams in one region.
type kinesisWorld struct {
	Streams []kinesisStream `json:"streams"`
}

// kinesisStream is a stream as DescribeStreamSummary shows it, and its
// tags.
type kinesisStream struct {
	kintypes.StreamDescriptionSummary
	Tags []kintypes.Tag `json:"tags"`
}

// ListStreams answers 100 streams unless Limit (up to 10000) says
// otherwise; ListTagsForStream 10 tags unless Limit (up to 50) does.
const kinesisStreamsPage, kinesisTagsPage = 100, 10

func init() {
	register(&service{name: "kinesis", signing: "kinesis", protocol: protoJSON11,
		newWorld: func() any { return &kinesisWorld{} },
		ops: map[string]op{
			"ListStreams": func(c *call) (any, error) {
				var in kinesis.ListStreamsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []kintypes.StreamSummary
				for _, s := range kinesisStreams(c) {
					all = append(all, kintypes.StreamSummary{StreamARN: s.StreamARN, StreamName: s.StreamName, StreamStatus: s.StreamStatus,
						StreamModeDetails: s.StreamModeDetails, StreamCreationTimestamp: s.StreamCreationTimestamp})
				}
				limit := int(aws.ToInt32(in.Limit))
				if limit == 0 {
					limit = kinesisStreamsPage
				}
				items, next, err := page(all, aws.ToString(in.NextToken), limit)
				if err != nil {
					return nil, badRequest("InvalidArgumentException", "Invalid NextToken")
				}
				names := []string{}
				for _, s := range items {
					names = append(names, aws.ToString(s.StreamName))
				}
				if items == nil {
					items = []kintypes.StreamSummary{}
				}
				return &kinesis.ListStreamsOutput{StreamNames: names, StreamSummaries: items, HasMoreStreams: aws.Bool(next != ""), NextToken: optional(next)}, nil
			},
			"DescribeStreamSummary": func(c *call) (any, error) {
				var in kinesis.DescribeStreamSummaryInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				s, err := kinesisStreamOf(c, in.StreamName, in.StreamARN)
				if err != nil {
					return nil, err
				}
				return &kinesis.DescribeStreamSummaryOutput{StreamDescriptionSummary: &s.StreamDescriptionSummary}, nil
			},
			"ListTagsForStream": func(c *call) (any, error) {
				var in kinesis.ListTagsForStreamInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				s, err := kinesisStreamOf(c, in.StreamName, in.StreamARN)
				if err != nil {
					return nil, err
				}
				tags := s.Tags
				if k := aws.ToString(in.ExclusiveStartTagKey); k != "" {
					for i, t := range tags {
						if aws.ToString(t.Key) == k {
							tags = tags[i+1:]
							break
						}
					}
				}
				limit := int(aws.ToInt32(in.Limit))
				if limit == 0 {
					limit = kinesisTagsPage
				}
				more := len(tags) > limit
				if more {
					tags = tags[:limit]
				}
				return &kinesis.ListTagsForStreamOutput{Tags: append([]kintypes.Tag{}, tags...), HasMoreTags: aws.Bool(more)}, nil
			},
		}})
}

// kinesisStreams are the region's streams with AWS's defaults: ACTIVE,
// 24 hours' retention, no encryption.
func kinesisStreams(c *call) []kinesisStream {
	var out []kinesisStream
	for _, s := range worldOf[kinesisWorld](c).Streams {
		if s.StreamARN == nil {
			s.StreamARN = aws.String(c.arn("kinesis", "stream/"+aws.ToString(s.StreamName)))
		}
		if s.StreamStatus == "" {
			s.StreamStatus = kintypes.StreamStatusActive
		}
		if s.RetentionPeriodHours == nil {
			s.RetentionPeriodHours = aws.Int32(24)
		}
		if s.EncryptionType == "" {
			s.EncryptionType = kintypes.EncryptionTypeNone
		}
		if s.OpenShardCount == nil {
			s.OpenShardCount = aws.Int32(1)
		}
		if s.EnhancedMonitoring == nil {
			s.EnhancedMonitoring = []kintypes.EnhancedMetrics{{ShardLevelMetrics: []kintypes.MetricsName{}}}
		}
		out = append(out, s)
	}
	return out
}

// kinesisStreamOf finds a stream by name or ARN.
func kinesisStreamOf(c *call, name, arn *string) (*kinesisStream, error) {
	for _, s := range kinesisStreams(c) {
		if (name != nil && *name == aws.ToString(s.StreamName)) || (arn != nil && *arn == aws.ToString(s.StreamARN)) {
			return &s, nil
		}
	}
	return nil, badRequest("ResourceNotFoundException", "Stream %s under account %s not found.", aws.ToString(name)+aws.ToString(arn), c.account.ID)
}
