package model

import "strings"

// Kinds of this service.
var (
	KindRDSInstance = NewKind[RDSInstance]("aws.rds.instance", "RDS DB instance")
	KindRDSCluster  = NewKind[RDSCluster]("aws.rds.cluster", "RDS/Aurora DB cluster")
	KindRDSSnapshot = NewKind[RDSSnapshot]("aws.rds.snapshot", "RDS DB snapshot")
	// A manual DB cluster snapshot (Aurora, Multi-AZ DB clusters) has the
	// same two settings as a DB snapshot.
	KindRDSClusterSnapshot   = NewKind[RDSSnapshot]("aws.rds.cluster_snapshot", "RDS/Aurora DB cluster snapshot")
	KindRDSEventSubscription = NewKind[RDSEventSubscription]("aws.rds.event_subscription", "RDS event notification subscription")
)

// RDSInstance is kind aws.rds.instance.
type RDSInstance struct {
	Engine                     string   `json:"engine"`
	EngineVersion              string   `json:"engine_version"`
	InstanceClass              string   `json:"instance_class"`
	StorageEncrypted           bool     `json:"storage_encrypted"`
	KMSKeyID                   string   `json:"kms_key_id"`
	PubliclyAccessible         bool     `json:"publicly_accessible"`
	BackupRetentionPeriod      int      `json:"backup_retention_period" doc:"days"`
	DeletionProtection         bool     `json:"deletion_protection"`
	IAMAuthenticationEnabled   bool     `json:"iam_database_authentication_enabled"`
	AutoMinorVersionUpgrade    bool     `json:"auto_minor_version_upgrade"`
	MultiAZ                    bool     `json:"multi_az"`
	ClusterIdentifier          string   `json:"cluster_identifier" doc:"set when the instance belongs to an Aurora cluster"`
	PerformanceInsightsEnabled bool     `json:"performance_insights_enabled"`
	CloudWatchLogsExports      []string `json:"enabled_cloudwatch_logs_exports" doc:"log types published to CloudWatch Logs (postgresql, upgrade, audit, error, general, slowquery, alert, listener, trace, agent ...); for Aurora members the cluster's setting applies"`
	CopyTagsToSnapshot         bool     `json:"copy_tags_to_snapshot" doc:"for Aurora members the cluster's setting applies"`
	MonitoringInterval         int      `json:"monitoring_interval" doc:"seconds between Enhanced Monitoring samples; 0 when Enhanced Monitoring is off"`
	Port                       int      `json:"port" doc:"port the endpoint listens on; for Aurora members the cluster's"`
	MasterUsername             string   `json:"master_username" doc:"for Aurora members the cluster's"`
}

// RDSCluster is kind aws.rds.cluster.
type RDSCluster struct {
	Engine                   string   `json:"engine"`
	StorageEncrypted         bool     `json:"storage_encrypted"`
	KMSKeyID                 string   `json:"kms_key_id"`
	BackupRetentionPeriod    int      `json:"backup_retention_period"`
	DeletionProtection       bool     `json:"deletion_protection"`
	IAMAuthenticationEnabled bool     `json:"iam_database_authentication_enabled"`
	CloudWatchLogsExports    []string `json:"enabled_cloudwatch_logs_exports" doc:"log types published to CloudWatch Logs (audit, error, general, slowquery, postgresql ...)"`
	CopyTagsToSnapshot       bool     `json:"copy_tags_to_snapshot"`
	BacktrackWindow          int      `json:"backtrack_window" doc:"seconds an Aurora MySQL cluster can be rewound; 0 when backtracking is off"`
	Port                     int      `json:"port" doc:"port the cluster's endpoints listen on"`
	MasterUsername           string   `json:"master_username"`
}

// RDSDefaultPort is the port RDS gives an engine's instances and clusters
// when none is asked for (0: unknown engine).
func RDSDefaultPort(engine string) int {
	switch {
	case engine == "mysql", engine == "mariadb", strings.HasPrefix(engine, "aurora-mysql"), engine == "aurora":
		return 3306
	case engine == "postgres", strings.HasPrefix(engine, "aurora-postgresql"):
		return 5432
	case strings.HasPrefix(engine, "oracle-"), strings.HasPrefix(engine, "custom-oracle-"):
		return 1521
	case strings.HasPrefix(engine, "sqlserver-"), strings.HasPrefix(engine, "custom-sqlserver-"):
		return 1433
	case strings.HasPrefix(engine, "db2-"):
		return 50000
	}
	return 0
}

// RDSSnapshot is kind aws.rds.snapshot and aws.rds.cluster_snapshot.
type RDSSnapshot struct {
	Encrypted bool `json:"encrypted"`
	Public    bool `json:"public" doc:"restore attribute includes all"`
}

// RDSEventSubscription is kind aws.rds.event_subscription: RDS sends the
// events of SourceType (db-instance, db-cluster, db-parameter-group,
// db-security-group, db-snapshot, db-cluster-snapshot, db-proxy ...) in
// EventCategories to an SNS topic. No categories means every category, no
// source ids every source of the type; no source type, every source of
// every type.
type RDSEventSubscription struct {
	Enabled         bool     `json:"enabled"`
	SourceType      string   `json:"source_type" doc:"empty: events of every source type"`
	EventCategories []string `json:"event_categories" doc:"empty: every category"`
	SourceIDs       []string `json:"source_ids" doc:"identifiers of the sources; empty: every source of the type"`
	SNSTopicARN     string   `json:"sns_topic_arn"`
}
