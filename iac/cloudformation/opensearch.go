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
		a.FineGrainedAccess = b.boolean("AdvancedSecurityOptions.Enabled", "fine_grained_access_control", false)
		// LogPublishingOptions is a map keyed by log type. A log group
		// named without Enabled is left to a default the template
		// reference does not state: unknown.
		for typ, path := range map[string]string{"AUDIT_LOGS": "audit_logs_enabled", "ES_APPLICATION_LOGS": "error_logs_enabled"} {
			p := "LogPublishingOptions." + typ
			if b.has(p+".CloudWatchLogsLogGroupArn") && !b.has(p+".Enabled") {
				b.target.MarkUnknown(path)
				continue
			}
			on := b.has(p+".CloudWatchLogsLogGroupArn") && b.boolean(p+".Enabled", path, false)
			if path == "audit_logs_enabled" {
				a.AuditLogs = on
			} else {
				a.ErrorLogs = on
			}
		}
	}
	parent("AWS::OpenSearchService::Domain", model.KindOpenSearchDomain, domain)
	parent("AWS::Elasticsearch::Domain", model.KindOpenSearchDomain, domain)
}
