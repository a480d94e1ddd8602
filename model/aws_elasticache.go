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

	SnapshotRetention       int      `json:"snapshot_retention_limit" doc:"days automatic snapshots are kept; 0 means automatic backups are off (the default)"`
	AutomaticFailover       bool     `json:"automatic_failover" doc:"a replica is promoted when the primary fails"`
	AutoMinorVersionUpgrade bool     `json:"auto_minor_version_upgrade" doc:"minor engine versions are applied in the maintenance window (AWS default true)"`
	UserGroupIDs            []string `json:"user_group_ids" doc:"RBAC user groups that authenticate clients (Redis OSS 6 and later, Valkey)"`
}
