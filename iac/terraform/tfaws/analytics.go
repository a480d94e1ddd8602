package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// ElastiCache replication groups, Redshift clusters and OpenSearch /
// Elasticsearch domains.
func init() {
	registerParent("aws_elasticache_replication_group", model.KindElastiCacheReplicationGroup, func(b *Builder) {
		a := model.KindElastiCacheReplicationGroup.Must(b.R)
		b.NameFrom("replication_group_id")
		// Provider default: at-rest encryption off for redis, on for valkey.
		valkey := strings.EqualFold(b.String("engine", "", "redis"), "valkey")
		a.AtRestEncryption = b.Bool("at_rest_encryption_enabled", "at_rest_encryption_enabled", valkey)
		a.TransitEncryption = b.Bool("transit_encryption_enabled", "transit_encryption_enabled", false)
		// Only whether a token is set; its value is never read.
		a.AuthTokenSet = b.Has("auth_token")
	})

	registerParent("aws_redshift_cluster", model.KindRedshiftCluster, func(b *Builder) {
		a := model.KindRedshiftCluster.Must(b.R)
		b.NameFrom("cluster_identifier")
		// Defaults of provider v6 (and of the Redshift API since 2025):
		// encrypted and private unless said otherwise.
		a.Encrypted = b.Bool("encrypted", "encrypted", true)
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", false)
		// Provider v5 had an inline logging block.
		a.LoggingEnabled = b.Bool("logging[0].enable", "logging_enabled", false)
	})
	registerChild("aws_redshift_logging", "cluster_identifier", []string{"aws_redshift_cluster"}, func(p *Builder, c *Child) {
		model.KindRedshiftCluster.Must(p.R).LoggingEnabled = true
		c.locate("", "logging_enabled")
	})

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
}
