package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// eksWorld is EKS in one region: DescribeCluster's clusters (arn is
// filled in when absent).
type eksWorld struct {
	Clusters []ekstypes.Cluster `json:"clusters"`
}

// ListClusters pages 100 names by default, and takes maxResults 1-100.
const eksPageSize = 100

func init() {
	register(&service{name: "eks", signing: "eks", protocol: protoRESTJSON,
		names:    names{camel: true},
		newWorld: func() any { return &eksWorld{} },
		routes: []route{
			{method: "GET", pattern: "/clusters", op: "ListClusters"},
			{method: "GET", pattern: "/clusters/{name}", op: "DescribeCluster"},
		},
		ops: map[string]op{
			"ListClusters": func(c *call) (any, error) {
				size := c.intParam("maxResults", eksPageSize)
				if size > eksPageSize {
					return nil, badRequest("InvalidParameterException", "maxResults must be between 1 and %d", eksPageSize)
				}
				list := []string{}
				for _, cl := range worldOf[eksWorld](c).Clusters {
					if cl.Name != nil {
						list = append(list, *cl.Name)
					}
				}
				items, next, err := page(list, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidParameterException", "The nextToken is invalid.")
				}
				return &eks.ListClustersOutput{Clusters: append([]string{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeCluster": func(c *call) (any, error) {
				name := c.param("name")
				for _, cl := range worldOf[eksWorld](c).Clusters {
					if cl.Name != nil && *cl.Name == name {
						if cl.Arn == nil {
							cl.Arn = optional(c.arn("eks", "cluster/"+name))
						}
						return &eks.DescribeClusterOutput{Cluster: &cl}, nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "No cluster found for name: %s.", name)
			},
		}})
}
