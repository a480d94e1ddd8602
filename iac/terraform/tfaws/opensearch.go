package tfaws

import "github.com/vigil-sec/vigil/model"

// OpenSearch / Elasticsearch domains, joined with their domain policies.
func init() {
	domainTypes := []string{"aws_opensearch_domain", "aws_elasticsearch_domain"}
	for _, t := range domainTypes {
		registerParent(t, model.KindOpenSearchDomain, mapDomain)
	}
	for _, t := range []string{"aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"} {
		registerChild(t, "domain_name", domainTypes, func(p *Builder, c *Child) {
			model.KindOpenSearchDomain.Must(p.R).AccessPolicy = c.Policy("access_policies", "access_policy")
		})
	}
}

func mapDomain(b *Builder) {
	a := model.KindOpenSearchDomain.Must(b.R)
	b.NameFrom("domain_name")
	a.EncryptAtRest = b.Bool("encrypt_at_rest[0].enabled", "encrypt_at_rest", false)
	a.NodeToNode = b.Bool("node_to_node_encryption[0].enabled", "node_to_node_encryption", false)
	// Without domain_endpoint_options the API leaves HTTPS optional; inside
	// the block the provider defaults enforce_https to true.
	if b.HasBlock("domain_endpoint_options") {
		a.EnforceHTTPS = b.Bool("domain_endpoint_options[0].enforce_https", "enforce_https", true)
		a.TLSSecurityPolicy = b.String("domain_endpoint_options[0].tls_security_policy", "tls_security_policy", "")
	}
	a.VPCConfigured = len(b.Strings("vpc_options[0].subnet_ids", "")) > 0
	a.AccessPolicy = b.Policy("access_policies", "access_policy")
	a.FineGrainedAccess = b.Bool("advanced_security_options[0].enabled", "fine_grained_access_control", false)
	for i, lp := range b.Blocks("log_publishing_options") {
		tf := model.Path("log_publishing_options", i)
		var path string
		switch lp["log_type"] {
		case "AUDIT_LOGS":
			path = "audit_logs_enabled"
		case "ES_APPLICATION_LOGS":
			path = "error_logs_enabled"
		default:
			continue
		}
		// enabled defaults to true in the block.
		on := b.Bool(tf+".enabled", path, true) && b.Has(tf+".cloudwatch_log_group_arn")
		if path == "audit_logs_enabled" {
			a.AuditLogs = on
		} else {
			a.ErrorLogs = on
		}
	}
}
