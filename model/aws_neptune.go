package model

// Kinds of this service.
var (
	KindNeptuneCluster = NewKind[NeptuneCluster]("aws.neptune.cluster", "Amazon Neptune DB cluster")
)

// NeptuneCluster is kind aws.neptune.cluster.
type NeptuneCluster struct {
	StorageEncrypted         bool     `json:"storage_encrypted"`
	KMSKeyID                 string   `json:"kms_key_id"`
	BackupRetentionPeriod    int      `json:"backup_retention_period" doc:"days"`
	DeletionProtection       bool     `json:"deletion_protection"`
	IAMAuthenticationEnabled bool     `json:"iam_database_authentication_enabled"`
	LogExports               []string `json:"log_exports" doc:"log types exported to CloudWatch Logs: audit, slowquery"`
}
