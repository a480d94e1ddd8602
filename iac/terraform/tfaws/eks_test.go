package tfaws

import (
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestEKSEndpointAndEncryption(t *testing.T) {
	tests := []struct {
		name      string
		values    map[string]any
		wantCIDRs []string
		wantEnc   bool
		unknown   string
	}{
		{"defaults open the endpoint to the internet",
			map[string]any{"vpc_config": []any{map[string]any{"subnet_ids": []any{"s-1"}}}},
			[]string{"0.0.0.0/0"}, false, ""},
		{"private only",
			map[string]any{"vpc_config": []any{map[string]any{"endpoint_public_access": false}}},
			nil, false, ""},
		{"restricted cidrs and secrets encryption",
			map[string]any{
				"vpc_config":        []any{map[string]any{"public_access_cidrs": []any{"203.0.113.0/24"}}},
				"encryption_config": []any{map[string]any{"resources": []any{"secrets"}}},
			},
			[]string{"203.0.113.0/24"}, true, ""},
		{"unknown cidrs",
			map[string]any{"vpc_config": []any{map[string]any{"public_access_cidrs": instance.Unknown}}},
			nil, false, "public_access_cidrs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mapKind(t, "aws.eks.cluster", 1, inst("aws_eks_cluster", "c", tt.values, nil))[0]
			a := r.Attributes.(*model.EKSCluster)
			if !reflect.DeepEqual(a.PublicAccessCIDRs, tt.wantCIDRs) || a.SecretsEncryption != tt.wantEnc {
				t.Errorf("got %+v", a)
			}
			if tt.unknown != "" && !r.IsUnknown(tt.unknown) {
				t.Errorf("%s should be unknown: %v", tt.unknown, r.Unknown)
			}
			if a.EnabledLogTypes == nil {
				t.Error("no log types must be an empty list")
			}
		})
	}
}
