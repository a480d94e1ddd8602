package model

// Kinds of this service.
var (
	KindMSKCluster = NewKind[MSKCluster]("aws.msk.cluster", "Amazon MSK (Managed Streaming for Apache Kafka) cluster")
)

// MSKCluster is kind aws.msk.cluster.
type MSKCluster struct {
	Type                   string `json:"type" doc:"PROVISIONED or SERVERLESS"`
	ClientBrokerEncryption string `json:"client_broker_encryption" doc:"TLS, TLS_PLAINTEXT or PLAINTEXT: what clients may speak to brokers"`
	InClusterEncryption    bool   `json:"in_cluster_encryption" doc:"TLS between brokers"`
	KMSKeyID               string `json:"kms_key_id" doc:"data volumes' customer-managed key; empty: an AWS-managed key"`
	PublicAccess           bool   `json:"public_access" doc:"brokers reachable from the internet"`
	UnauthenticatedAccess  bool   `json:"unauthenticated_access" doc:"clients may connect without IAM, SASL/SCRAM or mTLS"`
	IAMAuth                bool   `json:"iam_auth"`
	SCRAMAuth              bool   `json:"scram_auth"`
	TLSAuth                bool   `json:"tls_auth" doc:"mutual TLS client certificates"`
	BrokerLogging          bool   `json:"broker_logging" doc:"broker logs delivered to CloudWatch Logs, Firehose or S3"`
}
