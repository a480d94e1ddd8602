package aws

import (
	dms "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice"
	dmstypes "github.com/aws/aws-sdk-go-v2/service/databasemigrationservice/types"
)

// dmsWorld is DMS in one region: replication instances, endpoints and
// replication tasks (with their settings documents).
type dmsWorld struct {
	ReplicationInstances []dmstypes.ReplicationInstance `json:"replication_instances"`
	Endpoints            []dmstypes.Endpoint            `json:"endpoints"`
	ReplicationTasks     []dmstypes.ReplicationTask     `json:"replication_tasks"`
}

// The DMS descriptions page by MaxRecords, 20-100, 100 when absent.
const (
	dmsPageSize    = 100
	dmsMinPageSize = 20
)

func init() {
	register(&service{name: "dms", signing: "dms", protocol: protoJSON11,
		newWorld: func() any { return &dmsWorld{} },
		ops: map[string]op{
			"DescribeReplicationInstances": func(c *call) (any, error) {
				items, next, err := dmsPage(c, worldOf[dmsWorld](c).ReplicationInstances)
				if err != nil {
					return nil, err
				}
				return &dms.DescribeReplicationInstancesOutput{ReplicationInstances: append([]dmstypes.ReplicationInstance{}, items...), Marker: optional(next)}, nil
			},
			"DescribeEndpoints": func(c *call) (any, error) {
				items, next, err := dmsPage(c, worldOf[dmsWorld](c).Endpoints)
				if err != nil {
					return nil, err
				}
				return &dms.DescribeEndpointsOutput{Endpoints: append([]dmstypes.Endpoint{}, items...), Marker: optional(next)}, nil
			},
			"DescribeReplicationTasks": func(c *call) (any, error) {
				items, next, err := dmsPage(c, worldOf[dmsWorld](c).ReplicationTasks)
				if err != nil {
					return nil, err
				}
				return &dms.DescribeReplicationTasksOutput{ReplicationTasks: append([]dmstypes.ReplicationTask{}, items...), Marker: optional(next)}, nil
			},
		}})
}

func dmsPage[T any](c *call, list []T) ([]T, string, error) {
	size := c.intParam("MaxRecords", dmsPageSize)
	if size < dmsMinPageSize || size > dmsPageSize {
		return nil, "", badRequest("InvalidParameterValueException", "MaxRecords must be between %d and %d", dmsMinPageSize, dmsPageSize)
	}
	items, next, err := page(list, c.param("Marker"), size)
	if err != nil {
		return nil, "", badRequest("InvalidParameterValueException", "Invalid Marker")
	}
	return items, next, nil
}
