package aws

import (
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/autoscaling"
	astypes "github.com/aws/aws-sdk-go-v2/service/autoscaling/types"
)

// autoscalingWorld is EC2 Auto Scaling in one region: groups and launch
// configurations as the Describe calls answer them (ARNs filled in when
// absent; user data base64 as the API answers it).
type autoscalingWorld struct {
	Groups               []astypes.AutoScalingGroup    `json:"groups"`
	LaunchConfigurations []astypes.LaunchConfiguration `json:"launch_configurations"`
}

// Both Describe calls page by MaxRecords, 1-100, 50 when absent.
const (
	asDefaultPage = 50
	asMaxPage     = 100
)

func init() {
	register(&service{name: "autoscaling", signing: "autoscaling", version: "2011-01-01", protocol: protoQuery,
		xmlns:    "http://autoscaling.amazonaws.com/doc/2011-01-01/",
		newWorld: func() any { return &autoscalingWorld{} },
		ops: map[string]op{
			"DescribeAutoScalingGroups": func(c *call) (any, error) {
				size, err := asPageSizeParam(c)
				if err != nil {
					return nil, err
				}
				names := c.list("AutoScalingGroupNames")
				var all []astypes.AutoScalingGroup
				for _, g := range worldOf[autoscalingWorld](c).Groups {
					if g.AutoScalingGroupARN == nil {
						g.AutoScalingGroupARN = aws.String(c.arn("autoscaling", "autoScalingGroup:00000000-0000-4000-8000-000000000000:autoScalingGroupName/"+aws.ToString(g.AutoScalingGroupName)))
					}
					if len(names) > 0 && !slices.Contains(names, aws.ToString(g.AutoScalingGroupName)) {
						continue
					}
					all = append(all, g)
				}
				items, next, err := page(all, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidNextToken", "The token is invalid.")
				}
				return &autoscaling.DescribeAutoScalingGroupsOutput{AutoScalingGroups: append([]astypes.AutoScalingGroup{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeLaunchConfigurations": func(c *call) (any, error) {
				size, err := asPageSizeParam(c)
				if err != nil {
					return nil, err
				}
				names := c.list("LaunchConfigurationNames")
				var all []astypes.LaunchConfiguration
				for _, lc := range worldOf[autoscalingWorld](c).LaunchConfigurations {
					if lc.LaunchConfigurationARN == nil {
						lc.LaunchConfigurationARN = aws.String(c.arn("autoscaling", "launchConfiguration:00000000-0000-4000-8000-000000000000:launchConfigurationName/"+aws.ToString(lc.LaunchConfigurationName)))
					}
					if len(names) > 0 && !slices.Contains(names, aws.ToString(lc.LaunchConfigurationName)) {
						continue
					}
					all = append(all, lc)
				}
				items, next, err := page(all, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidNextToken", "The token is invalid.")
				}
				return &autoscaling.DescribeLaunchConfigurationsOutput{LaunchConfigurations: append([]astypes.LaunchConfiguration{}, items...), NextToken: optional(next)}, nil
			},
		}})
}

// asPageSizeParam is MaxRecords.
func asPageSizeParam(c *call) (int, error) {
	s := c.param("MaxRecords")
	if s == "" {
		return asDefaultPage, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > asMaxPage {
		return 0, badRequest("ValidationError", "1 validation error detected: Value '%s' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to %d", s, asMaxPage)
	}
	return n, nil
}
