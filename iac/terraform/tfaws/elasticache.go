package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// ElastiCache replication groups.
func init() {
	registerParent("aws_elasticache_replication_group", model.KindElastiCacheReplicationGroup, func(b *Builder) {
		a := model.KindElastiCacheReplicationGroup.Must(b.R)
		b.NameFrom("replication_group_id")
		// Provider default: at-rest encryption off for redis, on for valkey.
		valkey := strings.EqualFold(b.String("engine", "", "redis"), "valkey")
		a.AtRestEncryption = b.Bool("at_rest_encryption_enabled", "at_rest_encryption_enabled", valkey)
		a.TransitEncryption = b.Bool("transit_encryption_enabled", "transit_encryption_enabled", false)
		// Only whether a token is set; its value is never read.
		a.AuthTokenSet = b.Has("auth_token")
		a.UserGroupIDs = b.Strings("user_group_ids", "user_group_ids")
		if a.UserGroupIDs == nil {
			a.UserGroupIDs = []string{}
		}
		a.SnapshotRetention = b.Int("snapshot_retention_limit", "snapshot_retention_limit", 0)
		a.AutomaticFailover = b.Bool("automatic_failover_enabled", "automatic_failover", false)
		a.AutoMinorVersionUpgrade = b.Bool("auto_minor_version_upgrade", "auto_minor_version_upgrade", true)
	})
}
