package aws

import (
	"crypto/sha256"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// eksWorld is EKS in one region: DescribeCluster's clusters (arn is
// filled in when absent) and DescribeNodegroup's managed node groups, each
// naming its cluster (clusterName; nodegroupArn is filled in when absent).
type eksWorld struct {
	Clusters   []ekstypes.Cluster   `json:"clusters"`
	Nodegroups []ekstypes.Nodegroup `json:"nodegroups"`
}

// ListClusters and ListNodegroups page 100 names by default, and take
// maxResults 1-100.
const eksPageSize = 100

// eksCluster finds a cluster of the world by name.
func eksCluster(c *call, name string) *ekstypes.Cluster {
	for i, cl := range worldOf[eksWorld](c).Clusters {
		if cl.Name != nil && *cl.Name == name {
			return &worldOf[eksWorld](c).Clusters[i]
		}
	}
	return nil
}

func init() {
	register(&service{name: "eks", signing: "eks", protocol: protoRESTJSON,
		names:    names{camel: true},
		newWorld: func() any { return &eksWorld{} },
		routes: []route{
			{method: "GET", pattern: "/clusters", op: "ListClusters"},
			{method: "GET", pattern: "/clusters/{name}", op: "DescribeCluster"},
			{method: "GET", pattern: "/clusters/{name}/node-groups", op: "ListNodegroups"},
			{method: "GET", pattern: "/clusters/{name}/node-groups/{nodegroupName}", op: "DescribeNodegroup"},
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
			"ListNodegroups": func(c *call) (any, error) {
				cluster := c.param("name")
				size := c.intParam("maxResults", eksPageSize)
				if size > eksPageSize {
					return nil, badRequest("InvalidParameterException", "maxResults must be between 1 and %d", eksPageSize)
				}
				if eksCluster(c, cluster) == nil {
					return nil, notFound("ResourceNotFoundException", "No cluster found for name: %s.", cluster)
				}
				list := []string{}
				for _, ng := range worldOf[eksWorld](c).Nodegroups {
					if ng.NodegroupName != nil && aws.ToString(ng.ClusterName) == cluster {
						list = append(list, *ng.NodegroupName)
					}
				}
				items, next, err := page(list, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidParameterException", "The nextToken is invalid.")
				}
				return &eks.ListNodegroupsOutput{Nodegroups: append([]string{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeNodegroup": func(c *call) (any, error) {
				cluster, name := c.param("name"), c.param("nodegroupName")
				if eksCluster(c, cluster) == nil {
					return nil, notFound("ResourceNotFoundException", "No cluster found for name: %s.", cluster)
				}
				for _, ng := range worldOf[eksWorld](c).Nodegroups {
					if aws.ToString(ng.ClusterName) == cluster && aws.ToString(ng.NodegroupName) == name {
						if ng.NodegroupArn == nil {
							ng.NodegroupArn = optional(c.arn("eks", "nodegroup/"+cluster+"/"+name+"/"+eksNodegroupID(cluster, name)))
						}
						return &eks.DescribeNodegroupOutput{Nodegroup: &ng}, nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "No node group found for name: %s.", name)
			},
		}})
}

// eksNodegroupID stands in for the id that ends a node group's ARN (EKS
// makes one per node group, as a UUID), the same on every call.
func eksNodegroupID(cluster, name string) string {
	h := sha256.Sum256([]byte(cluster + "/" + name))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
