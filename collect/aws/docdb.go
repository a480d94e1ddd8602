package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("docdb", false, collectDocDB) }

// DocumentDB and Neptune are managed through the RDS control plane: their
// DescribeDBClusters (rds:DescribeDBClusters in IAM) is RDS's, answering
// the clusters of every engine unless filtered by engine, as AWS's
// DocumentDB and Neptune API references advise. The RDS collector leaves
// these engines to their own services.
const (
	engineDocDB   = "docdb"
	engineNeptune = "neptune"
)

// otherEngine reports whether a cluster listed by RDS belongs to another
// service's collector.
func otherEngine(engine *string) bool {
	e := aws.ToString(engine)
	return e == engineDocDB || e == engineNeptune
}

// engineClusters lists the region's clusters of one engine through the
// RDS API; a failed page fails the unit.
func engineClusters(ctx context.Context, s *scope, engine string, each func(rdstypes.DBCluster)) {
	client := rds.NewFromConfig(s.Config())
	p := rds.NewDescribeDBClustersPaginator(client, &rds.DescribeDBClustersInput{
		Filters: []rdstypes.Filter{{Name: aws.String("engine"), Values: []string{engine}}},
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeDBClusters", err)
			return
		}
		for _, c := range page.DBClusters {
			// Filtered by AWS; checked again so that an endpoint that
			// ignores the filter cannot file an Aurora cluster here.
			if aws.ToString(c.Engine) == engine {
				each(c)
			}
		}
	}
}

// clusterRelations are a cluster's key and security groups.
func clusterRelations(c rdstypes.DBCluster) []model.Relation {
	var rels []model.Relation
	if k := aws.ToString(c.KmsKeyId); k != "" {
		rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
	}
	for _, sg := range c.VpcSecurityGroups {
		if sg.VpcSecurityGroupId != nil {
			rels = append(rels, model.Relation{Type: model.RelProtectedBy, Target: aws.ToString(sg.VpcSecurityGroupId)})
		}
	}
	return rels
}

// collectDocDB reads DocumentDB clusters into aws.docdb.cluster.
func collectDocDB(ctx context.Context, s *scope) {
	engineClusters(ctx, s, engineDocDB, func(c rdstypes.DBCluster) {
		a := &model.DocDBCluster{
			StorageEncrypted:      aws.ToBool(c.StorageEncrypted),
			KMSKeyID:              aws.ToString(c.KmsKeyId),
			BackupRetentionPeriod: int(aws.ToInt32(c.BackupRetentionPeriod)),
			DeletionProtection:    aws.ToBool(c.DeletionProtection),
			LogExports:            nonNil(c.EnabledCloudwatchLogsExports),
		}
		s.add(aws.ToString(c.DBClusterArn), model.KindDocDBCluster.With(a), aws.ToString(c.DBClusterIdentifier), c, rdsTags(c.TagList), clusterRelations(c)...)
	})
}

// nonNil makes an absent list empty, as the IaC mappers leave it.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
