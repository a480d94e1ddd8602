package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestElastiCacheDefaults(t *testing.T) {
	redis := inst("aws_elasticache_replication_group", "r", map[string]any{"auth_token": "x"}, nil)
	valkey := inst("aws_elasticache_replication_group", "v", map[string]any{"engine": "valkey"}, nil)
	rs := mapKind(t, "aws.elasticache.replication_group", 2, redis, valkey)
	if a := rs[0].Attributes.(*model.ElastiCacheReplicationGroup); a.AtRestEncryption || a.TransitEncryption || !a.AuthTokenSet {
		t.Errorf("redis: %+v", a)
	}
	if a := rs[1].Attributes.(*model.ElastiCacheReplicationGroup); !a.AtRestEncryption || a.AuthTokenSet {
		t.Errorf("valkey: %+v", a)
	}
}
