package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// sfnWorld is Step Functions in one region.
type sfnWorld struct {
	StateMachines []sfnStateMachine `json:"stateMachines"`
}

// sfnStateMachine is a state machine as DescribeStateMachine shows it,
// and its tags.
type sfnStateMachine struct {
	sfn.DescribeStateMachineOutput
	Tags []sfntypes.Tag `json:"tags"`
}

// ListStateMachines answers 100 state machines unless maxResults (up to
// 1000) says otherwise.
const sfnPage, sfnPageMax = 100, 1000

func init() {
	register(&service{name: "sfn", signing: "states", protocol: protoJSON10,
		names:    names{camel: true},
		newWorld: func() any { return &sfnWorld{} },
		ops: map[string]op{
			"ListStateMachines": func(c *call) (any, error) {
				var in sfn.ListStateMachinesInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []sfntypes.StateMachineListItem
				for _, m := range sfnStateMachines(c) {
					all = append(all, sfntypes.StateMachineListItem{Name: m.Name, StateMachineArn: m.StateMachineArn, Type: m.Type, CreationDate: m.CreationDate})
				}
				limit := int(in.MaxResults)
				if limit == 0 {
					limit = sfnPage
				}
				if limit > sfnPageMax {
					return nil, badRequest("ValidationException", "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", limit, sfnPageMax)
				}
				items, next, err := page(all, aws.ToString(in.NextToken), limit)
				if err != nil {
					return nil, badRequest("InvalidToken", "Invalid Token")
				}
				if items == nil {
					items = []sfntypes.StateMachineListItem{}
				}
				return &sfn.ListStateMachinesOutput{StateMachines: items, NextToken: optional(next)}, nil
			},
			"DescribeStateMachine": func(c *call) (any, error) {
				var in sfn.DescribeStateMachineInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				m, err := sfnStateMachineOf(c, aws.ToString(in.StateMachineArn))
				if err != nil {
					return nil, err
				}
				out := m.DescribeStateMachineOutput
				return &out, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				var in sfn.ListTagsForResourceInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				m, err := sfnStateMachineOf(c, aws.ToString(in.ResourceArn))
				if err != nil {
					return nil, badRequest("ResourceNotFound", "Resource not found: '%s'", aws.ToString(in.ResourceArn))
				}
				return &sfn.ListTagsForResourceOutput{Tags: append([]sfntypes.Tag{}, m.Tags...)}, nil
			},
		}})
}

// sfnStateMachines are the region's state machines with AWS's defaults:
// STANDARD, ACTIVE, logging OFF, no tracing.
func sfnStateMachines(c *call) []sfnStateMachine {
	var out []sfnStateMachine
	for _, m := range worldOf[sfnWorld](c).StateMachines {
		if m.StateMachineArn == nil {
			m.StateMachineArn = aws.String(c.arn("states", "stateMachine:"+aws.ToString(m.Name)))
		}
		if m.Type == "" {
			m.Type = sfntypes.StateMachineTypeStandard
		}
		if m.Status == "" {
			m.Status = sfntypes.StateMachineStatusActive
		}
		if m.LoggingConfiguration == nil {
			m.LoggingConfiguration = &sfntypes.LoggingConfiguration{Level: sfntypes.LogLevelOff}
		}
		if m.TracingConfiguration == nil {
			m.TracingConfiguration = &sfntypes.TracingConfiguration{}
		}
		if m.Definition == nil {
			m.Definition = aws.String(`{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}`)
		}
		out = append(out, m)
	}
	return out
}

// sfnStateMachineOf finds a state machine by ARN.
func sfnStateMachineOf(c *call, arn string) (*sfnStateMachine, error) {
	for _, m := range sfnStateMachines(c) {
		if arn == aws.ToString(m.StateMachineArn) {
			return &m, nil
		}
	}
	return nil, badRequest("StateMachineDoesNotExist", "State Machine Does Not Exist: '%s'", arn)
}
