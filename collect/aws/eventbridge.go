package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("eventbridge", false, collectEventBridge) }

// ListEventBuses takes a Limit of 1-100.
const ebPageSize = 100

// collectEventBridge reads every event bus (ListEventBuses) with its
// resource policy (DescribeEventBus) and tags (ListTagsForResource) into
// aws.eventbridge.event_bus.
func collectEventBridge(ctx context.Context, s *scope) {
	client := eventbridge.NewFromConfig(s.Config())
	var buses []ebtypes.EventBus
	for in := (&eventbridge.ListEventBusesInput{Limit: aws.Int32(ebPageSize)}); ; {
		out, err := client.ListEventBuses(ctx, in)
		if err != nil {
			s.fail("ListEventBuses", err)
			return
		}
		buses = append(buses, out.EventBuses...)
		if aws.ToString(out.NextToken) == "" {
			break
		}
		in.NextToken = out.NextToken
	}
	forEach(s, buses, func(b ebtypes.EventBus) {
		a := &model.EventBridgeEventBus{}
		raw := map[string]any{"EventBus": b}
		rd := s.reads(aws.ToString(b.Arn))
		rd.call("DescribeEventBus", []string{"policy"}, func() error {
			out, err := client.DescribeEventBus(ctx, &eventbridge.DescribeEventBusInput{Name: b.Name})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			raw["Describe"] = out
			if pol := aws.ToString(out.Policy); pol != "" {
				a.Policy, err = model.ParsePolicyDocument(pol)
			}
			return err
		})
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			out, err := client.ListTagsForResource(ctx, &eventbridge.ListTagsForResourceInput{ResourceARN: b.Arn})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			tags = addTags(nil, out.Tags, func(t ebtypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		rd.add(model.KindEventBridgeEventBus.With(a), aws.ToString(b.Name), raw, tags)
	})
}
