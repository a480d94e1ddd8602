package aws

import (
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"
)

// rdsWorld is RDS in one region.
type rdsWorld struct {
	Instances []rdstypes.DBInstance `json:"instances"`
	Clusters  []rdstypes.DBCluster  `json:"clusters"`
	Snapshots []rdsSnapshot         `json:"snapshots"`
	// ClusterSnapshots are DB cluster snapshots, as Snapshots.
	ClusterSnapshots []rdsClusterSnapshot `json:"cluster_snapshots"`
	// EventSubscriptions are the region's event notification
	// subscriptions; EventSubscriptionArn defaults from CustSubscriptionId.
	EventSubscriptions []rdstypes.EventSubscription `json:"event_subscriptions"`
}

// rdsClusterSnapshot is a DB cluster snapshot (SnapshotType defaults to
// manual) with its attributes, as rdsSnapshot.
type rdsClusterSnapshot struct {
	rdstypes.DBClusterSnapshot
	Attributes []rdstypes.DBClusterSnapshotAttribute `json:"attributes"`
}

// rdsSnapshot is a DB snapshot (SnapshotType defaults to manual) with the
// attributes DescribeDBSnapshotAttributes returns: restore lists the
// accounts that may restore it, "all" making it public.
type rdsSnapshot struct {
	rdstypes.DBSnapshot
	Attributes []rdstypes.DBSnapshotAttribute `json:"attributes"`
}

// RDS pages its Describe calls by MaxRecords: 100 by default, 20 to 100.
const (
	rdsPageSize    = 100
	rdsMinPageSize = 20
)

func init() {
	register(&service{name: "rds", signing: "rds", protocol: protoQuery,
		xmlns:    "http://rds.amazonaws.com/doc/2014-10-31/",
		newWorld: func() any { return &rdsWorld{} },
		names: names{member: map[string]string{
			"DescribeDBInstancesOutput.DBInstances":                         "DBInstance",
			"DescribeDBClustersOutput.DBClusters":                           "DBCluster",
			"DescribeDBSnapshotsOutput.DBSnapshots":                         "DBSnapshot",
			"DBSnapshotAttributesResult.DBSnapshotAttributes":               "DBSnapshotAttribute",
			"DBSnapshotAttribute.AttributeValues":                           "AttributeValue",
			"DBInstance.AssociatedRoles":                                    "DBInstanceRole",
			"DBInstance.DBInstanceAutomatedBackupsReplications":             "DBInstanceAutomatedBackupsReplication",
			"DBInstance.DBParameterGroups":                                  "DBParameterGroup",
			"DBInstance.DBSecurityGroups":                                   "DBSecurityGroup",
			"DBInstance.DomainMemberships":                                  "DomainMembership",
			"DBInstance.OptionGroupMemberships":                             "OptionGroupMembership",
			"DBInstance.ProcessorFeatures":                                  "ProcessorFeature",
			"DBInstance.ReadReplicaDBClusterIdentifiers":                    "ReadReplicaDBClusterIdentifier",
			"DBInstance.ReadReplicaDBInstanceIdentifiers":                   "ReadReplicaDBInstanceIdentifier",
			"DBInstance.StatusInfos":                                        "DBInstanceStatusInfo",
			"DBInstance.TagList":                                            "Tag",
			"DBInstance.VpcSecurityGroups":                                  "VpcSecurityGroupMembership",
			"DBSubnetGroup.Subnets":                                         "Subnet",
			"PendingModifiedValues.ProcessorFeatures":                       "ProcessorFeature",
			"DBCluster.AssociatedRoles":                                     "DBClusterRole",
			"DBCluster.AvailabilityZones":                                   "AvailabilityZone",
			"DBCluster.DBClusterMembers":                                    "DBClusterMember",
			"DBCluster.DBClusterOptionGroupMemberships":                     "DBClusterOptionGroup",
			"DBCluster.DomainMemberships":                                   "DomainMembership",
			"DBCluster.ReadReplicaIdentifiers":                              "ReadReplicaIdentifier",
			"DBCluster.StatusInfos":                                         "DBClusterStatusInfo",
			"DBCluster.TagList":                                             "Tag",
			"DBCluster.VpcSecurityGroups":                                   "VpcSecurityGroupMembership",
			"DBSnapshot.ProcessorFeatures":                                  "ProcessorFeature",
			"DBSnapshot.TagList":                                            "Tag",
			"DescribeDBClusterSnapshotsOutput.DBClusterSnapshots":           "DBClusterSnapshot",
			"DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes": "DBClusterSnapshotAttribute",
			"DBClusterSnapshotAttribute.AttributeValues":                    "AttributeValue",
			"DBClusterSnapshot.AvailabilityZones":                           "AvailabilityZone",
			"DBClusterSnapshot.TagList":                                     "Tag",
			"DescribeEventSubscriptionsOutput.EventSubscriptionsList":       "EventSubscription",
			"EventSubscription.EventCategoriesList":                         "EventCategory",
			"EventSubscription.SourceIdsList":                               "SourceId",
		}},
		ops: map[string]op{
			"DescribeEventSubscriptions": func(c *call) (any, error) {
				name := c.param("SubscriptionName")
				var subs []rdstypes.EventSubscription
				for _, sub := range worldOf[rdsWorld](c).EventSubscriptions {
					if sub.EventSubscriptionArn == nil {
						sub.EventSubscriptionArn = aws.String(c.arn("rds", "es:"+aws.ToString(sub.CustSubscriptionId)))
					}
					if name == "" || name == aws.ToString(sub.CustSubscriptionId) {
						subs = append(subs, sub)
					}
				}
				if name != "" && len(subs) == 0 {
					return nil, notFound("SubscriptionNotFound", "Subscription %s not found.", name)
				}
				items, next, err := recordsPage(c, subs)
				if err != nil {
					return nil, err
				}
				return &rds.DescribeEventSubscriptionsOutput{EventSubscriptionsList: items, Marker: optional(next)}, nil
			},
			"DescribeDBInstances": func(c *call) (any, error) {
				id := c.param("DBInstanceIdentifier")
				var dbs []rdstypes.DBInstance
				for _, db := range worldOf[rdsWorld](c).Instances {
					if db.DBInstanceArn == nil {
						db.DBInstanceArn = aws.String(c.arn("rds", "db:"+aws.ToString(db.DBInstanceIdentifier)))
					}
					if id == "" || id == aws.ToString(db.DBInstanceIdentifier) || id == aws.ToString(db.DBInstanceArn) {
						dbs = append(dbs, db)
					}
				}
				if id != "" && len(dbs) == 0 {
					return nil, notFound("DBInstanceNotFound", "DBInstance %s not found.", id)
				}
				items, next, err := recordsPage(c, dbs)
				if err != nil {
					return nil, err
				}
				return &rds.DescribeDBInstancesOutput{DBInstances: items, Marker: optional(next)}, nil
			},
			"DescribeDBClusters": func(c *call) (any, error) {
				id := c.param("DBClusterIdentifier")
				all, err := rdsClusters(c)
				if err != nil {
					return nil, err
				}
				var cls []rdstypes.DBCluster
				for _, cl := range all {
					if cl.DBClusterArn == nil {
						cl.DBClusterArn = aws.String(c.arn("rds", "cluster:"+aws.ToString(cl.DBClusterIdentifier)))
					}
					if id == "" || id == aws.ToString(cl.DBClusterIdentifier) || id == aws.ToString(cl.DBClusterArn) {
						cls = append(cls, cl)
					}
				}
				if id != "" && len(cls) == 0 {
					return nil, notFound("DBClusterNotFoundFault", "DBCluster %s not found.", id)
				}
				items, next, err := recordsPage(c, cls)
				if err != nil {
					return nil, err
				}
				return &rds.DescribeDBClustersOutput{DBClusters: items, Marker: optional(next)}, nil
			},
			"DescribeDBSnapshots": func(c *call) (any, error) {
				id, inst, typ := c.param("DBSnapshotIdentifier"), c.param("DBInstanceIdentifier"), c.param("SnapshotType")
				var snaps []rdstypes.DBSnapshot
				for _, s := range rdsSnapshots(c) {
					if (id == "" || id == aws.ToString(s.DBSnapshotIdentifier) || id == aws.ToString(s.DBSnapshotArn)) &&
						(inst == "" || inst == aws.ToString(s.DBInstanceIdentifier)) &&
						(typ == "" || typ == aws.ToString(s.SnapshotType)) {
						snaps = append(snaps, s.DBSnapshot)
					}
				}
				if id != "" && len(snaps) == 0 {
					return nil, notFound("DBSnapshotNotFound", "DBSnapshot %s not found.", id)
				}
				items, next, err := recordsPage(c, snaps)
				if err != nil {
					return nil, err
				}
				return &rds.DescribeDBSnapshotsOutput{DBSnapshots: items, Marker: optional(next)}, nil
			},
			"DescribeDBClusterSnapshots": func(c *call) (any, error) {
				id, cluster, typ := c.param("DBClusterSnapshotIdentifier"), c.param("DBClusterIdentifier"), c.param("SnapshotType")
				var snaps []rdstypes.DBClusterSnapshot
				for _, s := range rdsClusterSnapshots(c) {
					if (id == "" || id == aws.ToString(s.DBClusterSnapshotIdentifier) || id == aws.ToString(s.DBClusterSnapshotArn)) &&
						(cluster == "" || cluster == aws.ToString(s.DBClusterIdentifier)) &&
						(typ == "" || typ == aws.ToString(s.SnapshotType)) {
						snaps = append(snaps, s.DBClusterSnapshot)
					}
				}
				if id != "" && len(snaps) == 0 {
					return nil, notFound("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot %s not found.", id)
				}
				items, next, err := recordsPage(c, snaps)
				if err != nil {
					return nil, err
				}
				return &rds.DescribeDBClusterSnapshotsOutput{DBClusterSnapshots: items, Marker: optional(next)}, nil
			},
			"DescribeDBClusterSnapshotAttributes": func(c *call) (any, error) {
				id := c.param("DBClusterSnapshotIdentifier")
				for _, s := range rdsClusterSnapshots(c) {
					if id != aws.ToString(s.DBClusterSnapshotIdentifier) {
						continue
					}
					attrs := s.Attributes
					// Every manual snapshot has a restore attribute, empty
					// until it is shared.
					if !slices.ContainsFunc(attrs, func(a rdstypes.DBClusterSnapshotAttribute) bool { return aws.ToString(a.AttributeName) == "restore" }) {
						attrs = append([]rdstypes.DBClusterSnapshotAttribute{{AttributeName: aws.String("restore"), AttributeValues: []string{}}}, attrs...)
					}
					return &rds.DescribeDBClusterSnapshotAttributesOutput{DBClusterSnapshotAttributesResult: &rdstypes.DBClusterSnapshotAttributesResult{
						DBClusterSnapshotIdentifier: s.DBClusterSnapshotIdentifier, DBClusterSnapshotAttributes: attrs}}, nil
				}
				return nil, notFound("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot %s not found.", id)
			},
			"DescribeDBSnapshotAttributes": func(c *call) (any, error) {
				id := c.param("DBSnapshotIdentifier")
				for _, s := range rdsSnapshots(c) {
					if id != aws.ToString(s.DBSnapshotIdentifier) {
						continue
					}
					attrs := s.Attributes
					// Every manual snapshot has a restore attribute, empty
					// until it is shared.
					if !slices.ContainsFunc(attrs, func(a rdstypes.DBSnapshotAttribute) bool { return aws.ToString(a.AttributeName) == "restore" }) {
						attrs = append([]rdstypes.DBSnapshotAttribute{{AttributeName: aws.String("restore"), AttributeValues: []string{}}}, attrs...)
					}
					return &rds.DescribeDBSnapshotAttributesOutput{DBSnapshotAttributesResult: &rdstypes.DBSnapshotAttributesResult{
						DBSnapshotIdentifier: s.DBSnapshotIdentifier, DBSnapshotAttributes: attrs}}, nil
				}
				return nil, notFound("DBSnapshotNotFound", "DBSnapshot %s not found.", id)
			},
		}})
}

// rdsSnapshots are the region's snapshots with AWS's defaults filled in.
func rdsSnapshots(c *call) []rdsSnapshot {
	var out []rdsSnapshot
	for _, s := range worldOf[rdsWorld](c).Snapshots {
		if s.DBSnapshotArn == nil {
			s.DBSnapshotArn = aws.String(c.arn("rds", "snapshot:"+aws.ToString(s.DBSnapshotIdentifier)))
		}
		if s.SnapshotType == nil {
			s.SnapshotType = aws.String("manual")
		}
		out = append(out, s)
	}
	return out
}

// rdsClusterSnapshots are the region's cluster snapshots with AWS's
// defaults filled in.
func rdsClusterSnapshots(c *call) []rdsClusterSnapshot {
	var out []rdsClusterSnapshot
	for _, s := range worldOf[rdsWorld](c).ClusterSnapshots {
		if s.DBClusterSnapshotArn == nil {
			s.DBClusterSnapshotArn = aws.String(c.arn("rds", "cluster-snapshot:"+aws.ToString(s.DBClusterSnapshotIdentifier)))
		}
		if s.SnapshotType == nil {
			s.SnapshotType = aws.String("manual")
		}
		out = append(out, s)
	}
	return out
}

// recordsPage pages items by Marker and MaxRecords as RDS, Redshift and
// ElastiCache do: 100 by default, and MaxRecords outside 20-100 refused.
func recordsPage[T any](c *call, items []T) ([]T, string, error) {
	size := rdsPageSize
	if s := c.param("MaxRecords"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < rdsMinPageSize || n > rdsPageSize {
			return nil, "", badRequest("InvalidParameterValue", "Invalid value %s for MaxRecords. Must be between %d and %d", s, rdsMinPageSize, rdsPageSize)
		}
		size = n
	}
	return page(items, c.param("Marker"), size)
}
