package aws

import (
	"context"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("rds", false, collectRDS) }

// collectRDS reads DB instances, DB clusters, manual DB snapshots and
// manual DB cluster snapshots (with their restore attribute) into
// aws.rds.instance, aws.rds.cluster, aws.rds.snapshot and
// aws.rds.cluster_snapshot.
func collectRDS(ctx context.Context, s *scope) {
	client := rds.NewFromConfig(s.Config())
	collectRDSInstances(ctx, s, client)
	collectRDSClusters(ctx, s, client)
	collectRDSSnapshots(ctx, s, client)
	collectRDSClusterSnapshots(ctx, s, client)
	collectRDSEventSubscriptions(ctx, s, client)
}

func collectRDSInstances(ctx context.Context, s *scope, client *rds.Client) {
	p := rds.NewDescribeDBInstancesPaginator(client, &rds.DescribeDBInstancesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDBInstances", err)
			return
		}
		for _, db := range page.DBInstances {
			a := &model.RDSInstance{
				Engine:                     aws.ToString(db.Engine),
				EngineVersion:              aws.ToString(db.EngineVersion),
				InstanceClass:              aws.ToString(db.DBInstanceClass),
				StorageEncrypted:           aws.ToBool(db.StorageEncrypted),
				KMSKeyID:                   aws.ToString(db.KmsKeyId),
				PubliclyAccessible:         aws.ToBool(db.PubliclyAccessible),
				BackupRetentionPeriod:      int(aws.ToInt32(db.BackupRetentionPeriod)),
				DeletionProtection:         aws.ToBool(db.DeletionProtection),
				IAMAuthenticationEnabled:   aws.ToBool(db.IAMDatabaseAuthenticationEnabled),
				AutoMinorVersionUpgrade:    aws.ToBool(db.AutoMinorVersionUpgrade),
				MultiAZ:                    aws.ToBool(db.MultiAZ),
				ClusterIdentifier:          aws.ToString(db.DBClusterIdentifier),
				PerformanceInsightsEnabled: aws.ToBool(db.PerformanceInsightsEnabled),
				CloudWatchLogsExports:      append([]string{}, db.EnabledCloudwatchLogsExports...),
				CopyTagsToSnapshot:         aws.ToBool(db.CopyTagsToSnapshot),
				MonitoringInterval:         int(aws.ToInt32(db.MonitoringInterval)),
				MasterUsername:             aws.ToString(db.MasterUsername),
			}
			if db.Endpoint != nil {
				a.Port = int(aws.ToInt32(db.Endpoint.Port))
			} else {
				a.Port = int(aws.ToInt32(db.DbInstancePort))
			}
			if a.ClusterIdentifier != "" {
				// Aurora members: backups live on the cluster, as the
				// Terraform mapper leaves them for aws_rds_cluster_instance.
				a.BackupRetentionPeriod = 0
			}
			var rels []model.Relation
			if a.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
			}
			if db.DBSubnetGroup != nil && db.DBSubnetGroup.VpcId != nil {
				rels = append(rels, model.Relation{Type: model.RelInVPC, Target: aws.ToString(db.DBSubnetGroup.VpcId)})
			}
			for _, sg := range db.VpcSecurityGroups {
				if sg.VpcSecurityGroupId != nil {
					rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: aws.ToString(sg.VpcSecurityGroupId)})
				}
			}
			s.add(aws.ToString(db.DBInstanceArn), model.KindRDSInstance.With(a), aws.ToString(db.DBInstanceIdentifier), db, rdsTags(db.TagList), rels...)
		}
	}
}

func collectRDSClusters(ctx context.Context, s *scope, client *rds.Client) {
	p := rds.NewDescribeDBClustersPaginator(client, &rds.DescribeDBClustersInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDBClusters", err)
			return
		}
		for _, c := range page.DBClusters {
			if otherEngine(c.Engine) {
				continue // DocumentDB and Neptune: their own services (docdb.go)
			}
			a := &model.RDSCluster{
				Engine:                   aws.ToString(c.Engine),
				StorageEncrypted:         aws.ToBool(c.StorageEncrypted),
				KMSKeyID:                 aws.ToString(c.KmsKeyId),
				BackupRetentionPeriod:    int(aws.ToInt32(c.BackupRetentionPeriod)),
				DeletionProtection:       aws.ToBool(c.DeletionProtection),
				IAMAuthenticationEnabled: aws.ToBool(c.IAMDatabaseAuthenticationEnabled),
				CloudWatchLogsExports:    append([]string{}, c.EnabledCloudwatchLogsExports...),
				CopyTagsToSnapshot:       aws.ToBool(c.CopyTagsToSnapshot),
				BacktrackWindow:          int(aws.ToInt64(c.BacktrackWindow)),
				Port:                     int(aws.ToInt32(c.Port)),
				MasterUsername:           aws.ToString(c.MasterUsername),
			}
			var rels []model.Relation
			if a.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyID})
			}
			s.add(aws.ToString(c.DBClusterArn), model.KindRDSCluster.With(a), aws.ToString(c.DBClusterIdentifier), c, rdsTags(c.TagList), rels...)
		}
	}
}

// collectRDSSnapshots reads manual snapshots only: automated ones cannot be
// shared, so they cannot be public.
func collectRDSSnapshots(ctx context.Context, s *scope, client *rds.Client) {
	p := rds.NewDescribeDBSnapshotsPaginator(client, &rds.DescribeDBSnapshotsInput{SnapshotType: aws.String("manual")})
	var snapshots []rdstypes.DBSnapshot
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDBSnapshots", err)
			return
		}
		snapshots = append(snapshots, page.DBSnapshots...)
	}
	forEach(s, snapshots, func(snap rdstypes.DBSnapshot) {
		a := &model.RDSSnapshot{Encrypted: aws.ToBool(snap.Encrypted)}
		raw := map[string]any{"DBSnapshot": snap}
		rd := s.reads(aws.ToString(snap.DBSnapshotArn))
		rd.call("DescribeDBSnapshotAttributes", []string{"public"}, func() error {
			attrs, err := client.DescribeDBSnapshotAttributes(ctx, &rds.DescribeDBSnapshotAttributesInput{DBSnapshotIdentifier: snap.DBSnapshotIdentifier})
			if awsCodeIn(err, "DBSnapshotNotFound", "DBSnapshotNotFoundFault") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			if attrs.DBSnapshotAttributesResult != nil {
				raw["DBSnapshotAttributesResult"] = attrs.DBSnapshotAttributesResult
				for _, at := range attrs.DBSnapshotAttributesResult.DBSnapshotAttributes {
					if aws.ToString(at.AttributeName) == "restore" && slices.Contains(at.AttributeValues, "all") {
						a.Public = true
					}
				}
			}
			return nil
		})
		var rels []model.Relation
		if k := aws.ToString(snap.KmsKeyId); k != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
		}
		rd.add(model.KindRDSSnapshot.With(a), aws.ToString(snap.DBSnapshotIdentifier), raw, rdsTags(snap.TagList), rels...)
	})
}

// collectRDSClusterSnapshots reads manual DB cluster snapshots with their
// restore attribute, as collectRDSSnapshots reads DB snapshots; those of
// DocumentDB and Neptune clusters belong to their own services.
func collectRDSClusterSnapshots(ctx context.Context, s *scope, client *rds.Client) {
	p := rds.NewDescribeDBClusterSnapshotsPaginator(client, &rds.DescribeDBClusterSnapshotsInput{SnapshotType: aws.String("manual")})
	var snapshots []rdstypes.DBClusterSnapshot
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDBClusterSnapshots", err)
			return
		}
		for _, snap := range page.DBClusterSnapshots {
			if !otherEngine(snap.Engine) {
				snapshots = append(snapshots, snap)
			}
		}
	}
	forEach(s, snapshots, func(snap rdstypes.DBClusterSnapshot) {
		a := &model.RDSSnapshot{Encrypted: aws.ToBool(snap.StorageEncrypted)}
		raw := map[string]any{"DBClusterSnapshot": snap}
		rd := s.reads(aws.ToString(snap.DBClusterSnapshotArn))
		rd.call("DescribeDBClusterSnapshotAttributes", []string{"public"}, func() error {
			attrs, err := client.DescribeDBClusterSnapshotAttributes(ctx, &rds.DescribeDBClusterSnapshotAttributesInput{DBClusterSnapshotIdentifier: snap.DBClusterSnapshotIdentifier})
			if awsCodeIn(err, "DBClusterSnapshotNotFoundFault") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			if r := attrs.DBClusterSnapshotAttributesResult; r != nil {
				raw["DBClusterSnapshotAttributesResult"] = r
				for _, at := range r.DBClusterSnapshotAttributes {
					if aws.ToString(at.AttributeName) == "restore" && slices.Contains(at.AttributeValues, "all") {
						a.Public = true
					}
				}
			}
			return nil
		})
		var rels []model.Relation
		if k := aws.ToString(snap.KmsKeyId); k != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
		}
		rd.add(model.KindRDSClusterSnapshot.With(a), aws.ToString(snap.DBClusterSnapshotIdentifier), raw, rdsTags(snap.TagList), rels...)
	})
}

// collectRDSEventSubscriptions reads the region's event notification
// subscriptions into aws.rds.event_subscription. A failed listing leaves
// that kind unread, not the unit's instances and clusters: the rules that
// look for a subscription covering them then give no verdict.
func collectRDSEventSubscriptions(ctx context.Context, s *scope, client *rds.Client) {
	var subs []rdstypes.EventSubscription
	ok := s.readKind("DescribeEventSubscriptions", kindFills{model.KindRDSEventSubscription.Name(): nil}, func() error {
		p := rds.NewDescribeEventSubscriptionsPaginator(client, &rds.DescribeEventSubscriptionsInput{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			subs = append(subs, page.EventSubscriptionsList...)
		}
		return nil
	})
	if !ok {
		return
	}
	for _, sub := range subs {
		a := &model.RDSEventSubscription{
			Enabled:         aws.ToBool(sub.Enabled),
			SourceType:      aws.ToString(sub.SourceType),
			EventCategories: append([]string{}, sub.EventCategoriesList...),
			SourceIDs:       append([]string{}, sub.SourceIdsList...),
			SNSTopicARN:     aws.ToString(sub.SnsTopicArn),
		}
		var rels []model.Relation
		if a.SNSTopicARN != "" {
			rels = append(rels, model.Relation{Type: model.RelNotifies, Target: a.SNSTopicARN})
		}
		s.add(aws.ToString(sub.EventSubscriptionArn), model.KindRDSEventSubscription.With(a), aws.ToString(sub.CustSubscriptionId), sub, nil, rels...)
	}
}

func rdsTags(tl []rdstypes.Tag) map[string]string {
	return addTags(nil, tl, func(t rdstypes.Tag) (*string, *string) { return t.Key, t.Value })
}
