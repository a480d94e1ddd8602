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
}
