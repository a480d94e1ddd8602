package model

// Kinds of this service.
var (
	KindElastiCacheReplicationGroup = NewKind[ElastiCacheReplicationGroup]("aws.elasticache.replication_group", "ElastiCache replication group")
)

// ElastiCacheReplicationGroup is kind aws.elasticache.replication_group.
type ElastiCacheReplicationGroup struct {
	AtRestEncryption  bool `json:"at_rest_encryption_enabled"`
	TransitEncryption bool `json:"transit_encryption_enabled"`
	AuthTokenSet      bool `json:"auth_token_set"`
}
