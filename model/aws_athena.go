package model

// Kinds of this service.
var (
	KindAthenaWorkGroup = NewKind[AthenaWorkGroup]("aws.athena.workgroup", "Athena workgroup")
)

// AthenaWorkGroup is kind aws.athena.workgroup.
type AthenaWorkGroup struct {
	Enabled              bool   `json:"enabled" doc:"state ENABLED"`
	EnforceConfiguration bool   `json:"enforce_configuration" doc:"the workgroup's settings override each query's"`
	ResultEncryption     string `json:"result_encryption" doc:"SSE_S3, SSE_KMS or CSE_KMS; MANAGED for Athena-managed results; empty: unencrypted"`
	PublishMetrics       bool   `json:"publish_cloudwatch_metrics"`
}
