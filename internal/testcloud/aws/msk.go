package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	kafkatypes "github.com/aws/aws-sdk-go-v2/service/kafka/types"
)

// mskWorld is MSK in one region: ListClustersV2's clusters, provisioned or
// serverless (arn and type are filled in when absent).
type mskWorld struct {
	Clusters []kafkatypes.Cluster `json:"clusters"`
}

// ListClustersV2 pages by maxResults, 1-100 (the service's own default
// is not documented; 10 here, so a few clusters page).
const (
	mskPageSize    = 10
	mskMaxPageSize = 100
)

func init() {
	register(&service{name: "msk", signing: "kafka", protocol: protoRESTJSON,
		// MSK's timestamps are date-time strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &mskWorld{} },
		routes: []route{
			{method: "GET", pattern: "/api/v2/clusters", op: "ListClustersV2"},
		},
		ops: map[string]op{
			"ListClustersV2": func(c *call) (any, error) {
				size := c.intParam("maxResults", mskPageSize)
				if size < 1 || size > mskMaxPageSize {
					return nil, badRequest("BadRequestException", "maxResults must be between 1 and %d", mskMaxPageSize)
				}
				var list []kafkatypes.Cluster
				for _, cl := range worldOf[mskWorld](c).Clusters {
					if cl.ClusterArn == nil {
						cl.ClusterArn = optional(c.arn("kafka", "cluster/"+*cl.ClusterName+"/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-1"))
					}
					if cl.ClusterType == "" {
						cl.ClusterType = kafkatypes.ClusterTypeProvisioned
						if cl.Serverless != nil {
							cl.ClusterType = kafkatypes.ClusterTypeServerless
						}
					}
					list = append(list, cl)
				}
				items, next, err := page(list, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("BadRequestException", "The nextToken is invalid.")
				}
				return &kafka.ListClustersV2Output{ClusterInfoList: append([]kafkatypes.Cluster{}, items...), NextToken: optional(next)}, nil
			},
		}})
}
