package aws

import (
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
)

// DocumentDB and Neptune clusters are managed through the RDS control
// plane: the same endpoint, signing name and API version answer their
// DescribeDBClusters, listing every engine unless filtered. A world keeps
// them under their own keys (docdb, neptune: clusters), which no request
// routes to (no signing name); rds's DescribeDBClusters serves them.
type engineClusterWorld struct {
	Clusters []rdstypes.DBCluster `json:"clusters"`
}

func init() {
	for _, name := range []string{"docdb", "neptune"} {
		register(&service{name: name, protocol: protoQuery, ops: map[string]op{},
			newWorld: func() any { return &engineClusterWorld{} }})
	}
}

// rdsClusters are the region's clusters of every engine sharing the RDS
// control plane, DocumentDB and Neptune ones with their engine set, and
// narrowed by the request's Filters (engine only: the one the collectors
// send).
func rdsClusters(c *call) ([]rdstypes.DBCluster, error) {
	all := slices.Clone(worldOf[rdsWorld](c).Clusters)
	for _, e := range []string{"docdb", "neptune"} {
		if w, ok := c.account.worldOf(e, c.region).(*engineClusterWorld); ok {
			for _, cl := range w.Clusters {
				if cl.Engine == nil {
					cl.Engine = aws.String(e)
				}
				all = append(all, cl)
			}
		}
	}
	for i := 1; ; i++ {
		name := c.param(fmt.Sprintf("Filters.Filter.%d.Name", i))
		if name == "" {
			break
		}
		if name != "engine" {
			return nil, badRequest("InvalidParameterValue", "Unrecognized filter name: %s", name)
		}
		var values []string
		for j := 1; ; j++ {
			v := c.param(fmt.Sprintf("Filters.Filter.%d.Values.Value.%d", i, j))
			if v == "" {
				break
			}
			values = append(values, v)
		}
		all = slices.DeleteFunc(all, func(cl rdstypes.DBCluster) bool { return !slices.Contains(values, aws.ToString(cl.Engine)) })
	}
	return all, nil
}
