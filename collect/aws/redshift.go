package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	rstypes "github.com/aws/aws-sdk-go-v2/service/redshift/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("redshift", false, collectRedshift) }

// collectRedshift reads every provisioned cluster's encryption, public
// accessibility, routing, upgrades, snapshot retention, admin user,
// database name and port (DescribeClusters) and its audit logging
// (DescribeLoggingStatus) into aws.redshift.cluster.
func collectRedshift(ctx context.Context, s *scope) {
	client := redshift.NewFromConfig(s.Config())
	p := redshift.NewDescribeClustersPaginator(client, &redshift.DescribeClustersInput{})
	var clusters []rstypes.Cluster
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeClusters", err)
			return
		}
		clusters = append(clusters, page.Clusters...)
	}
	forEach(s, clusters, func(c rstypes.Cluster) {
		id := aws.ToString(c.ClusterIdentifier)
		rc := &model.RedshiftCluster{
			Encrypted:           aws.ToBool(c.Encrypted),
			PubliclyAccessible:  aws.ToBool(c.PubliclyAccessible),
			EnhancedVPCRouting:  aws.ToBool(c.EnhancedVpcRouting),
			AllowVersionUpgrade: aws.ToBool(c.AllowVersionUpgrade),
			SnapshotRetention:   int(aws.ToInt32(c.AutomatedSnapshotRetentionPeriod)),
			MasterUsername:      aws.ToString(c.MasterUsername),
			DBName:              aws.ToString(c.DBName),
		}
		raw := map[string]any{"Cluster": c}
		// DescribeClusters gives no ARN; Redshift's form is cluster:<id>.
		arn := fmt.Sprintf("arn:%s:redshift:%s:%s:cluster:%s", svcPartition(s.region), s.region, s.account, id)
		rd := s.reads(arn)
		// A setting the answer leaves out (the endpoint of a cluster
		// still being created) is unknown, not its zero value.
		for path, missing := range map[string]bool{
			"enhanced_vpc_routing":                c.EnhancedVpcRouting == nil,
			"allow_version_upgrade":               c.AllowVersionUpgrade == nil,
			"automated_snapshot_retention_period": c.AutomatedSnapshotRetentionPeriod == nil,
			"master_username":                     c.MasterUsername == nil,
			"db_name":                             c.DBName == nil,
			"port":                                c.Endpoint == nil || c.Endpoint.Port == nil,
		} {
			if missing {
				rd.unread(path)
			}
		}
		if c.Endpoint != nil {
			rc.Port = int(aws.ToInt32(c.Endpoint.Port))
		}
		rd.call("DescribeLoggingStatus", []string{"logging_enabled"}, func() error {
			ls, err := client.DescribeLoggingStatus(ctx, &redshift.DescribeLoggingStatusInput{ClusterIdentifier: c.ClusterIdentifier})
			if err != nil {
				return err
			}
			rc.LoggingEnabled = aws.ToBool(ls.LoggingEnabled)
			raw["LoggingStatus"] = map[string]any{"LoggingEnabled": ls.LoggingEnabled, "BucketName": ls.BucketName,
				"S3KeyPrefix": ls.S3KeyPrefix, "LogDestinationType": ls.LogDestinationType, "LogExports": ls.LogExports}
			return nil
		})
		var tags map[string]string
		tags = addTags(tags, c.Tags, func(t rstypes.Tag) (*string, *string) { return t.Key, t.Value })
		var rels []model.Relation
		if k := aws.ToString(c.KmsKeyId); k != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
		}
		if v := aws.ToString(c.VpcId); v != "" {
			rels = append(rels, model.Relation{Type: model.RelInVPC, Target: v})
		}
		rd.add(model.KindRedshiftCluster.With(rc), id, raw, tags, rels...)
	})
}
