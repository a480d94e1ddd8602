package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

const ec2NS = "http://ec2.amazonaws.com/doc/2016-11-15/"

// ec2World is EC2 in one region.
type ec2World struct{}

func init() {
	register(&service{name: "ec2", signing: "ec2", protocol: protoEC2,
		newWorld: func() any { return &ec2World{} },
		names: names{rename: map[string]string{
			"DescribeRegionsOutput.Regions": "regionInfo",
		}},
		ops: map[string]op{
			"DescribeRegions": func(c *call) (any, error) {
				out := &ec2.DescribeRegionsOutput{}
				for _, r := range c.srv.world.Regions {
					out.Regions = append(out.Regions, ec2types.Region{RegionName: aws.String(r),
						Endpoint: aws.String("ec2." + r + ".amazonaws.com"), OptInStatus: aws.String("opt-in-not-required")})
				}
				return out, nil
			},
		}})
}
