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
	})
}
