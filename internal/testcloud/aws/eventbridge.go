package aws

import (
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
)

// eventbridgeWorld is EventBridge in one region: its event buses (AWS
// has a default bus in every region; here only the buses a world lists).
type eventbridgeWorld struct {
	Buses []eventbridgeBus `json:"buses"`
}

// eventbridgeBus is a bus as DescribeEventBus answers it, and its tags.
type eventbridgeBus struct {
	eventbridge.DescribeEventBusOutput
	Tags map[string]string `json:"tags"`
}

// ListEventBuses answers at most Limit buses (1-100), 100 when absent.
const ebMaxPage = 100

func init() {
	register(&service{name: "eventbridge", signing: "events", protocol: protoJSON11,
		newWorld: func() any { return &eventbridgeWorld{} },
		ops: map[string]op{
			"ListEventBuses": func(c *call) (any, error) {
				var in eventbridge.ListEventBusesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				limit := int(aws.ToInt32(in.Limit))
				if limit == 0 {
					limit = ebMaxPage
				}
				if limit < 1 || limit > ebMaxPage {
					return nil, badRequest("ValidationException", "1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: Member must have value less than or equal to %d", limit, ebMaxPage)
				}
				var all []ebtypes.EventBus
				for _, b := range eventbridgeBuses(c) {
					all = append(all, ebtypes.EventBus{Arn: b.Arn, Name: b.Name, Description: b.Description, Policy: b.Policy,
						CreationTime: b.CreationTime, LastModifiedTime: b.LastModifiedTime})
				}
				items, next, err := page(all, aws.ToString(in.NextToken), limit)
				if err != nil {
					return nil, badRequest("ValidationException", "Invalid NextToken")
				}
				return &eventbridge.ListEventBusesOutput{EventBuses: append([]ebtypes.EventBus{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeEventBus": func(c *call) (any, error) {
				var in eventbridge.DescribeEventBusInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				name := aws.ToString(in.Name)
				if name == "" {
					name = "default"
				}
				for _, b := range eventbridgeBuses(c) {
					if aws.ToString(b.Name) == name || aws.ToString(b.Arn) == name {
						return &b.DescribeEventBusOutput, nil
					}
				}
				return nil, badRequest("ResourceNotFoundException", "Event bus %s does not exist.", name)
			},
			"ListTagsForResource": func(c *call) (any, error) {
				var in eventbridge.ListTagsForResourceInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				for _, b := range eventbridgeBuses(c) {
					if aws.ToString(b.Arn) != aws.ToString(in.ResourceARN) {
						continue
					}
					out := &eventbridge.ListTagsForResourceOutput{Tags: []ebtypes.Tag{}}
					for _, k := range slices.Sorted(maps.Keys(b.Tags)) {
						out.Tags = append(out.Tags, ebtypes.Tag{Key: aws.String(k), Value: aws.String(b.Tags[k])})
					}
					return out, nil
				}
				return nil, badRequest("ResourceNotFoundException", "Resource %s does not exist.", aws.ToString(in.ResourceARN))
			},
		}})
}

// eventbridgeBuses are the region's buses with their ARNs filled in.
func eventbridgeBuses(c *call) []eventbridgeBus {
	out := slices.Clone(worldOf[eventbridgeWorld](c).Buses)
	for i := range out {
		if out[i].Arn == nil {
			out[i].Arn = aws.String(c.arn("events", "event-bus/"+aws.ToString(out[i].Name)))
		}
	}
	return out
}
