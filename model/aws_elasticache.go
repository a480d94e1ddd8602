package model

// ElastiCacheReplicationGroup is kind aws.elasticache.replication_group.
type ElastiCacheReplicationGroup struct {
	AtRestEncryption  bool `json:"at_rest_encryption_enabled"`
	TransitEncryption bool `json:"transit_encryption_enabled"`
	AuthTokenSet      bool `json:"auth_token_set"`
}
