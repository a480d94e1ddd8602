package cloudformation

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// A node group's remote access maps as declared: a key from a parameter
// without a value is unknown, and so are the settings EKS picks at
// creation when the template leaves them out.
func TestEKSNodegroup(t *testing.T) {
	const tpl = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Key: {Type: String}
Resources:
  Open:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodegroupName: open
      NodeRole: arn:aws:iam::123456789012:role/nodes
      Subnets: [subnet-1]
      RemoteAccess: {Ec2SshKey: ops}
  Param:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodeRole: arn:aws:iam::123456789012:role/nodes
      Subnets: [subnet-1]
      AmiType: AL2_x86_64
      RemoteAccess: {Ec2SshKey: !Ref Key, SourceSecurityGroups: [sg-1]}
      LaunchTemplate: {Name: nodes, Version: "2"}
`
	rs, errs := Parse("ng.yaml", []byte(tpl), nil)
	if len(errs) > 0 || len(rs) != 2 {
		t.Fatalf("%d resources, errors %v", len(rs), errs)
	}
	by := map[string]*model.Resource{}
	for _, r := range rs {
		by[r.ID] = r
	}
	open, param := by["ng.yaml:Open"], by["ng.yaml:Param"]
	a := model.KindEKSNodeGroup.Must(open)
	if a.Name != "open" || a.RemoteAccess.EC2SSHKey != "ops" || a.RemoteAccess.SourceSecurityGroupIDs == nil || a.CapacityType != "ON_DEMAND" {
		t.Errorf("open: %+v", a)
	}
	for _, p := range []string{"ami_type", "version", "release_version"} {
		if !open.IsUnknown(p) {
			t.Errorf("open: %s should be unknown: %v", p, open.Unknown)
		}
	}
	b := model.KindEKSNodeGroup.Must(param)
	if !param.IsUnknown("remote_access.ec2_ssh_key") || !param.IsUnknown("name") || param.IsUnknown("ami_type") ||
		b.LaunchTemplate != (model.EKSNodeLaunchTemplate{Name: "nodes", Version: "2"}) {
		t.Errorf("param: %+v, unknown %v", b, param.Unknown)
	}
}
