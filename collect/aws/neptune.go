package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	rdstypes "github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("neptune", false, collectNeptune) }

// collectNeptune reads Neptune clusters into aws.neptune.cluster, through
// the RDS control plane (docdb.go).
func collectNeptune(ctx context.Context, s *scope) {
	engineClusters(ctx, s, engineNeptune, func(c rdstypes.DBCluster) {
		a := &model.NeptuneCluster{
			StorageEncrypted:         aws.ToBool(c.StorageEncrypted),
			KMSKeyID:                 aws.ToString(c.KmsKeyId),
			BackupRetentionPeriod:    int(aws.ToInt32(c.BackupRetentionPeriod)),
			DeletionProtection:       aws.ToBool(c.DeletionProtection),
			IAMAuthenticationEnabled: aws.ToBool(c.IAMDatabaseAuthenticationEnabled),
			LogExports:               nonNil(c.EnabledCloudwatchLogsExports),
		}
		s.add(aws.ToString(c.DBClusterArn), model.KindNeptuneCluster.With(a), aws.ToString(c.DBClusterIdentifier), c, rdsTags(c.TagList), clusterRelations(c)...)
	})
}
