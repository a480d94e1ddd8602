package model

// Kinds of this service.
var (
	KindOpenSearchDomain = NewKind[OpenSearchDomain]("aws.opensearch.domain", "OpenSearch / Elasticsearch domain")
)

// OpenSearchDomain is kind aws.opensearch.domain.
type OpenSearchDomain struct {
	EncryptAtRest     bool            `json:"encrypt_at_rest"`
	NodeToNode        bool            `json:"node_to_node_encryption"`
	EnforceHTTPS      bool            `json:"enforce_https"`
	TLSSecurityPolicy string          `json:"tls_security_policy"`
	VPCConfigured     bool            `json:"vpc_configured"`
	AccessPolicy      *PolicyDocument `json:"access_policy"`
	FineGrainedAccess bool            `json:"fine_grained_access_control" doc:"advanced security options enabled: users, roles and document/field-level permissions inside the domain"`
	AuditLogs         bool            `json:"audit_logs_enabled" doc:"AUDIT_LOGS published to CloudWatch Logs"`
	ErrorLogs         bool            `json:"error_logs_enabled" doc:"ES_APPLICATION_LOGS (error logs) published to CloudWatch Logs"`
}
