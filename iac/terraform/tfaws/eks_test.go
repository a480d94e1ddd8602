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

// A node group's remote access maps as declared; what EKS picks at
// creation (AMI type, version, release) and values not known before
// apply stay unknown.
func TestEKSNodeGroup(t *testing.T) {
	r := mapKind(t, "aws.eks.node_group", 1, inst("aws_eks_node_group", "ng", map[string]any{
		"cluster_name": "prod", "node_group_name": "workers",
		"remote_access": []any{map[string]any{"ec2_ssh_key": "ops"}},
	}, nil))[0]
	a := r.Attributes.(*model.EKSNodeGroup)
	if a.Name != "workers" || a.RemoteAccess.EC2SSHKey != "ops" || a.RemoteAccess.SourceSecurityGroupIDs == nil ||
		len(a.RemoteAccess.SourceSecurityGroupIDs) != 0 || a.CapacityType != "ON_DEMAND" || a.Subnets == nil {
		t.Errorf("got %+v", a)
	}
	for _, p := range []string{"ami_type", "version", "release_version"} {
		if !r.IsUnknown(p) {
			t.Errorf("%s should be unknown: %v", p, r.Unknown)
		}
	}
	if r.IsUnknown("remote_access") {
		t.Errorf("remote access is declared: %v", r.Unknown)
	}

	r = mapKind(t, "aws.eks.node_group", 1, inst("aws_eks_node_group", "ng", map[string]any{
		"node_group_name": "workers", "ami_type": "AL2_x86_64",
		"remote_access": []any{map[string]any{"ec2_ssh_key": "ops", "source_security_group_ids": instance.Unknown}},
	}, nil))[0]
	if !r.IsUnknown("remote_access.source_security_group_ids") || r.IsUnknown("ami_type") {
		t.Errorf("unknown: %v", r.Unknown)
	}
	r = mapKind(t, "aws.eks.node_group", 1, inst("aws_eks_node_group", "ng", map[string]any{
		"node_group_name": "workers", "remote_access": instance.Unknown,
	}, nil))[0]
	if !r.WhollyUnknown("remote_access.ec2_ssh_key") {
		t.Errorf("an unknown remote_access block: %v", r.Unknown)
	}
}
