package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	domain := func(b *builder) {
		a := model.KindOpenSearchDomain.Must(b.target)
		if n := b.str("DomainName", "", ""); n != "" {
			b.r.Name = n
		}
		a.EncryptAtRest = b.boolean("EncryptionAtRestOptions.Enabled", "encrypt_at_rest", false)
		a.NodeToNode = b.boolean("NodeToNodeEncryptionOptions.Enabled", "node_to_node_encryption", false)
		a.EnforceHTTPS = b.boolean("DomainEndpointOptions.EnforceHTTPS", "enforce_https", false)
		a.TLSSecurityPolicy = b.str("DomainEndpointOptions.TLSSecurityPolicy", "tls_security_policy", "Policy-Min-TLS-1-0-2019-07")
		a.VPCConfigured = b.has("VPCOptions.SubnetIds")
		if a.VPCConfigured {
			b.locate("VPCOptions", "vpc_configured")
		}
		a.AccessPolicy = b.policy("AccessPolicies", "access_policy")
	}
	parent("AWS::OpenSearchService::Domain", model.KindOpenSearchDomain, domain)
	parent("AWS::Elasticsearch::Domain", model.KindOpenSearchDomain, domain)
}
