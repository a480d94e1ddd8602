package model

// Kinds of this service.
var (
	KindRDSInstance = NewKind[RDSInstance]("aws.rds.instance", "RDS DB instance")
	KindRDSCluster  = NewKind[RDSCluster]("aws.rds.cluster", "RDS/Aurora DB cluster")
	KindRDSSnapshot = NewKind[RDSSnapshot]("aws.rds.snapshot", "RDS DB snapshot")
)

// RDSInstance is kind aws.rds.instance.
type RDSInstance struct {
	Engine                     string `json:"engine"`
	EngineVersion              string `json:"engine_version"`
	InstanceClass              string `json:"instance_class"`
	StorageEncrypted           bool   `json:"storage_encrypted"`
	KMSKeyID                   string `json:"kms_key_id"`
	PubliclyAccessible         bool   `json:"publicly_accessible"`
	BackupRetentionPeriod      int    `json:"backup_retention_period" doc:"days"`
	DeletionProtection         bool   `json:"deletion_protection"`
	IAMAuthenticationEnabled   bool   `json:"iam_database_authentication_enabled"`
	AutoMinorVersionUpgrade    bool   `json:"auto_minor_version_upgrade"`
	MultiAZ                    bool   `json:"multi_az"`
	ClusterIdentifier          string `json:"cluster_identifier" doc:"set when the instance belongs to an Aurora cluster"`
	PerformanceInsightsEnabled bool   `json:"performance_insights_enabled"`
}

// RDSCluster is kind aws.rds.cluster.
type RDSCluster struct {
	Engine                   string `json:"engine"`
	StorageEncrypted         bool   `json:"storage_encrypted"`
	KMSKeyID                 string `json:"kms_key_id"`
	BackupRetentionPeriod    int    `json:"backup_retention_period"`
	DeletionProtection       bool   `json:"deletion_protection"`
	IAMAuthenticationEnabled bool   `json:"iam_database_authentication_enabled"`
}

// RDSSnapshot is kind aws.rds.snapshot.
type RDSSnapshot struct {
	Encrypted bool `json:"encrypted"`
	Public    bool `json:"public" doc:"restore attribute includes all"`
}
