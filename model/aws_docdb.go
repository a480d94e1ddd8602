package model

// Kinds of this service.
var (
	KindDocDBCluster = NewKind[DocDBCluster]("aws.docdb.cluster", "Amazon DocumentDB cluster")
)

// DocDBCluster is kind aws.docdb.cluster.
type DocDBCluster struct {
	StorageEncrypted      bool     `json:"storage_encrypted"`
	KMSKeyID              string   `json:"kms_key_id"`
	BackupRetentionPeriod int      `json:"backup_retention_period" doc:"days"`
	DeletionProtection    bool     `json:"deletion_protection"`
	LogExports            []string `json:"log_exports" doc:"log types exported to CloudWatch Logs: audit, profiler"`
}
