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
}
