package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	redshifttypes "github.com/aws/aws-sdk-go-v2/service/redshift/types"
)

// redshiftWorld is Redshift in one region.
type redshiftWorld struct {
	Clusters []redshiftCluster `json:"clusters"`
}

// redshiftCluster is a provisioned cluster with DescribeLoggingStatus's
// answer about it; no logging means audit logging is off.
type redshiftCluster struct {
	redshifttypes.Cluster
	Logging *redshift.DescribeLoggingStatusOutput `json:"logging"`
}

func init() {
	register(&service{name: "redshift", signing: "redshift", protocol: protoQuery,
		xmlns:    "http://redshift.amazonaws.com/doc/2012-12-01/",
		newWorld: func() any { return &redshiftWorld{} },
		names: names{member: map[string]string{
			"DescribeClustersOutput.Clusters":    "Cluster",
			"Cluster.ClusterParameterGroups":     "ClusterParameterGroup",
			"Cluster.ClusterSecurityGroups":      "ClusterSecurityGroup",
			"Cluster.DeferredMaintenanceWindows": "DeferredMaintenanceWindow",
			"Cluster.IamRoles":                   "ClusterIamRole",
			"Cluster.Tags":                       "Tag",
			"Cluster.VpcSecurityGroups":          "VpcSecurityGroup",
			"Endpoint.VpcEndpoints":              "VpcEndpoint",
			"VpcEndpoint.NetworkInterfaces":      "NetworkInterface",
		}},
		ops: map[string]op{
			"DescribeClusters": func(c *call) (any, error) {
				id := c.param("ClusterIdentifier")
				var cls []redshifttypes.Cluster
				for _, cl := range worldOf[redshiftWorld](c).Clusters {
					if id == "" || id == aws.ToString(cl.ClusterIdentifier) {
						cls = append(cls, cl.Cluster)
					}
				}
				if id != "" && len(cls) == 0 {
					return nil, redshiftNotFound(id)
				}
				items, next, err := recordsPage(c, cls)
				if err != nil {
					return nil, err
				}
				return &redshift.DescribeClustersOutput{Clusters: items, Marker: optional(next)}, nil
			},
			"DescribeLoggingStatus": func(c *call) (any, error) {
				id := c.param("ClusterIdentifier")
				for _, cl := range worldOf[redshiftWorld](c).Clusters {
					if id != aws.ToString(cl.ClusterIdentifier) {
						continue
					}
					if cl.Logging == nil {
						return &redshift.DescribeLoggingStatusOutput{LoggingEnabled: aws.Bool(false)}, nil
					}
					return cl.Logging, nil
				}
				return nil, redshiftNotFound(id)
			},
		}})
}

func redshiftNotFound(id string) error {
	return notFound("ClusterNotFound", "Cluster %s not found.", id)
}
