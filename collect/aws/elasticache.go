package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	ectypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("elasticache", false, collectElastiCache) }

// collectElastiCache reads every replication group's encryption at rest and
// in transit, its authentication (AUTH token, RBAC user groups), backups,
// failover and minor version upgrades into
// aws.elasticache.replication_group.
func collectElastiCache(ctx context.Context, s *scope) {
	client := elasticache.NewFromConfig(s.Config())
	p := elasticache.NewDescribeReplicationGroupsPaginator(client, &elasticache.DescribeReplicationGroupsInput{})
	var groups []ectypes.ReplicationGroup
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("DescribeReplicationGroups", err)
			return
		}
		groups = append(groups, page.ReplicationGroups...)
	}
	forEach(s, groups, func(g ectypes.ReplicationGroup) {
		rg := &model.ElastiCacheReplicationGroup{
			AtRestEncryption:  aws.ToBool(g.AtRestEncryptionEnabled),
			TransitEncryption: aws.ToBool(g.TransitEncryptionEnabled),
			AuthTokenSet:      aws.ToBool(g.AuthTokenEnabled),
			SnapshotRetention: int(aws.ToInt32(g.SnapshotRetentionLimit)),
			AutomaticFailover: g.AutomaticFailover == ectypes.AutomaticFailoverStatusEnabled ||
				g.AutomaticFailover == ectypes.AutomaticFailoverStatusEnabling,
			AutoMinorVersionUpgrade: aws.ToBool(g.AutoMinorVersionUpgrade),
			UserGroupIDs:            append([]string{}, g.UserGroupIds...),
		}
		rd := s.reads(aws.ToString(g.ARN))
		// A setting the answer leaves out is unknown, not off.
		if g.SnapshotRetentionLimit == nil {
			rd.unread("snapshot_retention_limit")
		}
		if g.AutomaticFailover == "" {
			rd.unread("automatic_failover")
		}
		if g.AutoMinorVersionUpgrade == nil {
			rd.unread("auto_minor_version_upgrade")
		}
		var tags map[string]string
		rd.call("ListTagsForResource", []string{model.TagsPath}, func() error {
			tt, err := client.ListTagsForResource(ctx, &elasticache.ListTagsForResourceInput{ResourceName: g.ARN})
			if err != nil {
				return err
			}
			tags = addTags(tags, tt.TagList, func(t ectypes.Tag) (*string, *string) { return t.Key, t.Value })
			return nil
		})
		var rels []model.Relation
		if k := aws.ToString(g.KmsKeyId); k != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
		}
		rd.add(model.KindElastiCacheReplicationGroup.With(rg), aws.ToString(g.ReplicationGroupId), g, tags, rels...)
	})
}
