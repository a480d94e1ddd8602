package aws

import (
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	elasticachetypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"
)

// elasticacheWorld is ElastiCache in one region.
type elasticacheWorld struct {
	ReplicationGroups []elasticacheGroup `json:"replication_groups"`
}

// elasticacheGroup is a replication group (ARN filled in when absent) with
// its tags.
type elasticacheGroup struct {
	elasticachetypes.ReplicationGroup
	Tags map[string]string `json:"tags"`
}

func init() {
	register(&service{name: "elasticache", signing: "elasticache", protocol: protoQuery,
		xmlns:    "http://elasticache.amazonaws.com/doc/2015-02-02/",
		newWorld: func() any { return &elasticacheWorld{} },
		names: names{member: map[string]string{
			"DescribeReplicationGroupsOutput.ReplicationGroups": "ReplicationGroup",
			"ListTagsForResourceOutput.TagList":                 "Tag",
			"NodeGroup.NodeGroupMembers":                        "NodeGroupMember",
			"ReplicationGroup.LogDeliveryConfigurations":        "LogDeliveryConfiguration",
			"ReplicationGroup.MemberClusters":                   "ClusterId",
			"ReplicationGroup.MemberClustersOutpostArns":        "ReplicationGroupOutpostArn",
			"ReplicationGroup.NodeGroups":                       "NodeGroup",
		}},
		ops: map[string]op{
			"DescribeReplicationGroups": func(c *call) (any, error) {
				id := c.param("ReplicationGroupId")
				var gs []elasticachetypes.ReplicationGroup
				for _, g := range elasticacheGroups(c) {
					if id == "" || id == aws.ToString(g.ReplicationGroupId) {
						gs = append(gs, g.ReplicationGroup)
					}
				}
				if id != "" && len(gs) == 0 {
					return nil, notFound("ReplicationGroupNotFoundFault", "ReplicationGroup %s not found.", id)
				}
				items, next, err := recordsPage(c, gs)
				if err != nil {
					return nil, err
				}
				return &elasticache.DescribeReplicationGroupsOutput{ReplicationGroups: items, Marker: optional(next)}, nil
			},
			"ListTagsForResource": func(c *call) (any, error) {
				arn := c.param("ResourceName")
				// arn:aws:elasticache:<region>:<account>:<type>:<name>
				parts := strings.SplitN(arn, ":", 7)
				if len(parts) != 7 || parts[0] != "arn" || parts[2] != "elasticache" {
					return nil, badRequest("InvalidARN", "%s is not a valid ARN.", arn)
				}
				if parts[5] != "replicationgroup" {
					return nil, notFound("CacheClusterNotFound", "CacheCluster %s not found.", parts[6])
				}
				for _, g := range elasticacheGroups(c) {
					if aws.ToString(g.ARN) != arn {
						continue
					}
					out := &elasticache.ListTagsForResourceOutput{TagList: []elasticachetypes.Tag{}}
					for k, v := range g.Tags {
						out.TagList = append(out.TagList, elasticachetypes.Tag{Key: aws.String(k), Value: aws.String(v)})
					}
					sort.Slice(out.TagList, func(i, j int) bool { return *out.TagList[i].Key < *out.TagList[j].Key })
					return out, nil
				}
				return nil, notFound("ReplicationGroupNotFoundFault", "ReplicationGroup %s not found.", parts[6])
			},
		}})
}

// elasticacheGroups are the region's replication groups with their ARNs.
func elasticacheGroups(c *call) []elasticacheGroup {
	var out []elasticacheGroup
	for _, g := range worldOf[elasticacheWorld](c).ReplicationGroups {
		if g.ARN == nil {
			g.ARN = aws.String(c.arn("elasticache", "replicationgroup:"+aws.ToString(g.ReplicationGroupId)))
		}
		out = append(out, g)
	}
	return out
}
