package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/elasticache"
	ectypes "github.com/aws/aws-sdk-go-v2/service/elasticache/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestElastiCacheAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := elasticache.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	for _, in := range []*elasticache.CreateReplicationGroupInput{
		{ReplicationGroupId: aws.String("open"), ReplicationGroupDescription: aws.String("cache"), Engine: aws.String("redis"),
			CacheNodeType: aws.String("cache.t3.micro"), NumCacheClusters: aws.Int32(1),
			Tags: []ectypes.Tag{{Key: aws.String("team"), Value: aws.String("web")}}},
		{ReplicationGroupId: aws.String("sealed"), ReplicationGroupDescription: aws.String("cache"), Engine: aws.String("redis"),
			CacheNodeType: aws.String("cache.t3.micro"), NumCacheClusters: aws.Int32(1),
			AtRestEncryptionEnabled: aws.Bool(true), TransitEncryptionEnabled: aws.Bool(true), AuthToken: aws.String("a-long-enough-auth-token"),
			SnapshotRetentionLimit: aws.Int32(5)},
	} {
		if _, err := client.CreateReplicationGroup(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"elasticache"})
	noErrors(t, res)
	groups := byKind(res, "aws.elasticache.replication_group")
	if len(groups) != 2 {
		t.Fatalf("want 2 replication groups, got %d", len(groups))
	}
	open, sealed := groups["open"], groups["sealed"]
	if a := open.Attributes.(*model.ElastiCacheReplicationGroup); a.AtRestEncryption || a.TransitEncryption || a.AuthTokenSet ||
		open.ID != "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:open" || len(open.Raw) == 0 {
		t.Errorf("open: %+v %+v", open, a)
	}
	if a := sealed.Attributes.(*model.ElastiCacheReplicationGroup); !a.AtRestEncryption || !a.TransitEncryption || !a.AuthTokenSet {
		t.Errorf("sealed: %+v", a)
	}
	if open.Tags["team"] != "web" {
		t.Errorf("tags: %v", open.Tags)
	}
	if a := sealed.Attributes.(*model.ElastiCacheReplicationGroup); a.SnapshotRetention != 5 || sealed.IsUnknown("snapshot_retention_limit") {
		t.Errorf("sealed snapshots: %+v %v", a, sealed.Unknown)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ELASTICACHE-001", "AWS-ELASTICACHE-002", "AWS-ELASTICACHE-020", "AWS-ELASTICACHE-023"} {
		if !fails["open"][id] || fails["sealed"][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}
}
