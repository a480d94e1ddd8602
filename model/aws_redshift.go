package model

// Kinds of this service.
var (
	KindRedshiftCluster = NewKind[RedshiftCluster]("aws.redshift.cluster", "Redshift cluster")
)

// RedshiftCluster is kind aws.redshift.cluster.
type RedshiftCluster struct {
	Encrypted          bool `json:"encrypted"`
	PubliclyAccessible bool `json:"publicly_accessible"`
	LoggingEnabled     bool `json:"logging_enabled"`

	EnhancedVPCRouting  bool   `json:"enhanced_vpc_routing" doc:"COPY and UNLOAD traffic goes through the VPC (its endpoints, routes and security groups) rather than the internet"`
	AllowVersionUpgrade bool   `json:"allow_version_upgrade" doc:"major engine versions are applied in the maintenance window (AWS default true)"`
	SnapshotRetention   int    `json:"automated_snapshot_retention_period" doc:"days automated snapshots are kept; 0 means automated snapshots are off (AWS default 1)"`
	MasterUsername      string `json:"master_username" doc:"the admin user's name (the console's default is awsuser)"`
	DBName              string `json:"db_name" doc:"the database created with the cluster (AWS default dev)"`
	Port                int    `json:"port" doc:"the port the cluster listens on (AWS default 5439)"`
}
