package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

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
