package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"
)

// firehoseWorld is Amazon Data Firehose in one region.
type firehoseWorld struct {
	DeliveryStreams []firehoseStream `json:"deliveryStreams"`
}

// firehoseStream is a delivery stream as DescribeDeliveryStream shows it,
// and its tags.
type firehoseStream struct {
	fhtypes.DeliveryStreamDescription
	Tags []fhtypes.Tag `json:"tags"`
}

// ListDeliveryStreams answers 10 names unless Limit (up to 10000) says
// otherwise; ListTagsForDeliveryStream 50 tags unless Limit does.
const firehoseStreamsPage, firehoseTagsPage = 10, 50

func init() {
	register(&service{name: "firehose", signing: "firehose", protocol: protoJSON11,
		newWorld: func() any { return &firehoseWorld{} },
		ops: map[string]op{
			"ListDeliveryStreams": func(c *call) (any, error) {
				var in firehose.ListDeliveryStreamsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				names := []string{}
				started := in.ExclusiveStartDeliveryStreamName == nil
				for _, s := range firehoseStreams(c) {
					if in.DeliveryStreamType != "" && s.DeliveryStreamType != in.DeliveryStreamType {
						continue
					}
					if started {
						names = append(names, aws.ToString(s.DeliveryStreamName))
					}
					started = started || aws.ToString(s.DeliveryStreamName) == *in.ExclusiveStartDeliveryStreamName
				}
				limit := int(aws.ToInt32(in.Limit))
				if limit == 0 {
					limit = firehoseStreamsPage
				}
				more := len(names) > limit
				if more {
					names = names[:limit]
				}
				return &firehose.ListDeliveryStreamsOutput{DeliveryStreamNames: names, HasMoreDeliveryStreams: aws.Bool(more)}, nil
			},
			"DescribeDeliveryStream": func(c *call) (any, error) {
				var in firehose.DescribeDeliveryStreamInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				s, err := firehoseStreamOf(c, aws.ToString(in.DeliveryStreamName))
				if err != nil {
					return nil, err
				}
				return &firehose.DescribeDeliveryStreamOutput{DeliveryStreamDescription: &s.DeliveryStreamDescription}, nil
			},
			"ListTagsForDeliveryStream": func(c *call) (any, error) {
				var in firehose.ListTagsForDeliveryStreamInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				s, err := firehoseStreamOf(c, aws.ToString(in.DeliveryStreamName))
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
					limit = firehoseTagsPage
				}
				more := len(tags) > limit
				if more {
					tags = tags[:limit]
				}
				return &firehose.ListTagsForDeliveryStreamOutput{Tags: append([]fhtypes.Tag{}, tags...), HasMoreTags: aws.Bool(more)}, nil
			},
		}})
}

// firehoseStreams are the region's delivery streams with AWS's defaults:
// DirectPut, ACTIVE, no server-side encryption.
func firehoseStreams(c *call) []firehoseStream {
	var out []firehoseStream
	for _, s := range worldOf[firehoseWorld](c).DeliveryStreams {
		if s.DeliveryStreamARN == nil {
			s.DeliveryStreamARN = aws.String(c.arn("firehose", "deliverystream/"+aws.ToString(s.DeliveryStreamName)))
		}
		if s.DeliveryStreamType == "" {
			s.DeliveryStreamType = fhtypes.DeliveryStreamTypeDirectPut
		}
		if s.DeliveryStreamStatus == "" {
			s.DeliveryStreamStatus = fhtypes.DeliveryStreamStatusActive
		}
		if s.VersionId == nil {
			s.VersionId = aws.String("1")
		}
		if s.Destinations == nil {
			s.Destinations = []fhtypes.DestinationDescription{}
		}
		if s.HasMoreDestinations == nil {
			s.HasMoreDestinations = aws.Bool(false)
		}
		if s.DeliveryStreamEncryptionConfiguration == nil {
			s.DeliveryStreamEncryptionConfiguration = &fhtypes.DeliveryStreamEncryptionConfiguration{Status: fhtypes.DeliveryStreamEncryptionStatusDisabled}
		}
		out = append(out, s)
	}
	return out
}

// firehoseStreamOf finds a delivery stream by name.
func firehoseStreamOf(c *call, name string) (*firehoseStream, error) {
	for _, s := range firehoseStreams(c) {
		if name == aws.ToString(s.DeliveryStreamName) {
			return &s, nil
		}
	}
	return nil, badRequest("ResourceNotFoundException", "Firehose %s under account %s not found.", name, c.account.ID)
}
