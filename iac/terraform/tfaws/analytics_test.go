package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestElastiCacheDefaults(t *testing.T) {
	redis := inst("aws_elasticache_replication_group", "r", map[string]any{"auth_token": "x"}, nil)
	valkey := inst("aws_elasticache_replication_group", "v", map[string]any{"engine": "valkey"}, nil)
	rs := mapKind(t, "aws.elasticache.replication_group", 2, redis, valkey)
	if a := rs[0].Attributes.(*model.ElastiCacheReplicationGroup); a.AtRestEncryption || a.TransitEncryption || !a.AuthTokenSet {
		t.Errorf("redis: %+v", a)
	}
	if a := rs[1].Attributes.(*model.ElastiCacheReplicationGroup); !a.AtRestEncryption || a.AuthTokenSet {
		t.Errorf("valkey: %+v", a)
	}
}

func TestRedshiftDefaultsAndLogging(t *testing.T) {
	c := inst("aws_redshift_cluster", "dw", map[string]any{"cluster_identifier": "dw", "id": instance.Unknown}, nil)
	l := inst("aws_redshift_logging", "dw", map[string]any{"cluster_identifier": instance.Unknown},
		map[string][]string{"cluster_identifier": {"aws_redshift_cluster.dw"}})
	a := mapKind(t, "aws.redshift.cluster", 1, c, l)[0].Attributes.(*model.RedshiftCluster)
	if !a.Encrypted || a.PubliclyAccessible || !a.LoggingEnabled {
		t.Errorf("redshift: %+v", a)
	}
}

func TestOpenSearchEndpointOptions(t *testing.T) {
	tests := []struct {
		name   string
		typ    string
		values map[string]any
		https  bool
	}{
		{"no endpoint options", "aws_opensearch_domain", map[string]any{}, false},
		{"block without enforce_https", "aws_opensearch_domain", map[string]any{"domain_endpoint_options": []any{map[string]any{}}}, true},
		{"explicitly off", "aws_elasticsearch_domain", map[string]any{"domain_endpoint_options": []any{map[string]any{"enforce_https": false}}}, false},
		{"empty dynamic block", "aws_opensearch_domain", map[string]any{"domain_endpoint_options": []any{}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mapKind(t, "aws.opensearch.domain", 1, inst(tt.typ, "d", tt.values, nil))[0].Attributes.(*model.OpenSearchDomain)
			if a.EnforceHTTPS != tt.https || a.EncryptAtRest || a.NodeToNode {
				t.Errorf("got %+v", a)
			}
		})
	}
	d := inst("aws_opensearch_domain", "d", map[string]any{"domain_name": "search"}, nil)
	p := inst("aws_opensearch_domain_policy", "d", map[string]any{"domain_name": instance.Unknown, "access_policies": publicPolicy},
		map[string][]string{"domain_name": {"aws_opensearch_domain.d"}})
	if a := mapKind(t, "aws.opensearch.domain", 1, d, p)[0].Attributes.(*model.OpenSearchDomain); a.AccessPolicy == nil {
		t.Error("domain policy not joined")
	}
}
