package aws

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestEKSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := eks.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	role := aws.String("arn:aws:iam::123456789012:role/eks")
	if _, err := client.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("open"), RoleArn: role, Version: aws.String("1.29"),
		ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: []string{"subnet-1", "subnet-2"}, EndpointPublicAccess: aws.Bool(true),
			PublicAccessCidrs: []string{"0.0.0.0/0"}},
		Tags: map[string]string{"env": "dev"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("private"), RoleArn: role, Version: aws.String("1.30"),
		ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: []string{"subnet-1", "subnet-2"},
			EndpointPublicAccess: aws.Bool(false), EndpointPrivateAccess: aws.Bool(true)},
		EncryptionConfig: []ekstypes.EncryptionConfig{{Resources: []string{"secrets"},
			Provider: &ekstypes.Provider{KeyArn: aws.String("arn:aws:kms:us-east-1:123456789012:key/k1")}}},
		Logging: &ekstypes.Logging{ClusterLogging: []ekstypes.LogSetup{
			{Enabled: aws.Bool(true), Types: []ekstypes.LogType{ekstypes.LogTypeAudit, ekstypes.LogTypeApi, ekstypes.LogTypeAuthenticator}},
			{Enabled: aws.Bool(false), Types: []ekstypes.LogType{ekstypes.LogTypeScheduler}}}}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"eks"})
	noErrors(t, res)
	cs := byKind(res, "aws.eks.cluster")
	open, priv := cs["open"], cs["private"]
	if open == nil || priv == nil {
		t.Fatalf("clusters: %v", cs)
	}
	if open.ID != "arn:aws:eks:us-east-1:123456789012:cluster/open" || open.Tags["env"] != "dev" || len(open.Raw) == 0 {
		t.Errorf("identity: %+v", open)
	}
	oa := open.Attributes.(*model.EKSCluster)
	if !oa.EndpointPublicAccess || oa.Version != "1.29" || strings.Join(oa.PublicAccessCIDRs, ",") != "0.0.0.0/0" ||
		oa.SecretsEncryption || len(oa.EnabledLogTypes) != 0 {
		t.Errorf("open: %+v", oa)
	}
	pa := priv.Attributes.(*model.EKSCluster)
	if pa.EndpointPublicAccess || !pa.EndpointPrivateAccess || len(pa.PublicAccessCIDRs) != 0 || !pa.SecretsEncryption ||
		strings.Join(pa.EnabledLogTypes, ",") != "api,audit,authenticator" {
		t.Errorf("private: %+v", pa)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-EKS-001", "AWS-EKS-002", "AWS-EKS-003"} {
		if !fails["open"][id] || fails["private"][id] {
			t.Errorf("%s: open %v, private %v", id, fails["open"], fails["private"])
		}
	}
}

// Managed node groups as moto serves them. moto gives every node group
// remote access (a key "eksKeypair" when none is asked for), so only the
// two remote access cases are seeded: a key without source security
// groups, which AWS-EKS-021 fails, and a key limited to one group.
func TestEKSNodeGroupsAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := eks.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	if _, err := client.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("prod"), RoleArn: aws.String("arn:aws:iam::123456789012:role/eks"),
		Version: aws.String("1.30"), ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: []string{"subnet-1", "subnet-2"}}}); err != nil {
		t.Fatal(err)
	}
	nodeRole := "arn:aws:iam::123456789012:role/nodes"
	for name, ra := range map[string]*ekstypes.RemoteAccessConfig{
		"open":    {Ec2SshKey: aws.String("ops")},
		"bastion": {Ec2SshKey: aws.String("ops"), SourceSecurityGroups: []string{"sg-0bastion"}},
	} {
		if _, err := client.CreateNodegroup(ctx, &eks.CreateNodegroupInput{ClusterName: aws.String("prod"), NodegroupName: aws.String(name),
			NodeRole: aws.String(nodeRole), Subnets: []string{"subnet-1"}, RemoteAccess: ra, AmiType: ekstypes.AMITypesAl2023X8664Standard,
			Tags: map[string]string{"team": name}}); err != nil {
			t.Fatal(err)
		}
	}
	res := collectMoto(t, srv, []string{"eks"})
	noErrors(t, res)
	ngs := byKind(res, "aws.eks.node_group")
	open, bastion := ngs["open"], ngs["bastion"]
	if open == nil || bastion == nil {
		t.Fatalf("node groups: %v", ngs)
	}
	if !strings.HasPrefix(open.ID, "arn:aws:eks:us-east-1:123456789012:nodegroup/prod/open/") || open.Tags["team"] != "open" || len(open.Raw) == 0 {
		t.Errorf("identity: %+v", open)
	}
	oa := open.Attributes.(*model.EKSNodeGroup)
	if oa.ClusterName != "prod" || oa.NodeRoleARN != nodeRole || oa.RemoteAccess.EC2SSHKey != "ops" || len(oa.RemoteAccess.SourceSecurityGroupIDs) != 0 ||
		oa.AMIType != "AL2023_x86_64_STANDARD" || strings.Join(oa.Subnets, ",") != "subnet-1" {
		t.Errorf("open: %+v", oa)
	}
	if ba := bastion.Attributes.(*model.EKSNodeGroup); strings.Join(ba.RemoteAccess.SourceSecurityGroupIDs, ",") != "sg-0bastion" {
		t.Errorf("bastion: %+v", ba)
	}
	fails := failing(t, res.Resources)
	if !fails["open"]["AWS-EKS-021"] || fails["bastion"]["AWS-EKS-021"] || !fails["bastion"]["AWS-EKS-022"] {
		t.Errorf("verdicts: open %v, bastion %v", fails["open"], fails["bastion"])
	}
}

// A node group seeded in moto and declared in Terraform fails the same
// node group rules on both paths.
func TestAgreeServicesEKSNodeGroups(t *testing.T) {
	c := svcCase{services: []string{"eks"}, kind: "aws.eks.node_group", prefix: "AWS-EKS-", tf: `
resource "aws_eks_node_group" "open" {
  cluster_name    = "prod"
  node_group_name = "ng-open"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-1"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
  remote_access {
    ec2_ssh_key = "ops"
  }
}
resource "aws_eks_node_group" "bastion" {
  cluster_name    = "prod"
  node_group_name = "ng-bastion"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-1"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0bastion"]
  }
}
`,
		twins: []svcTwin{
			{name: "ng-open", fail: []string{"AWS-EKS-021", "AWS-EKS-022"}},
			{name: "ng-bastion", fail: []string{"AWS-EKS-022"}, pass: []string{"AWS-EKS-021"}},
		}}
	svcRun(t, c, func(t *testing.T, cfg aws.Config) {
		ctx := context.Background()
		client := eks.NewFromConfig(cfg)
		out, err := client.CreateCluster(ctx, &eks.CreateClusterInput{Name: aws.String("prod"), RoleArn: aws.String("arn:aws:iam::123456789012:role/eks"),
			Version: aws.String("1.31"), ResourcesVpcConfig: &ekstypes.VpcConfigRequest{SubnetIds: []string{"subnet-1"}, EndpointPublicAccess: aws.Bool(true)}})
		checkSeed(t, out, err)
		for name, ra := range map[string]*ekstypes.RemoteAccessConfig{
			"ng-open":    {Ec2SshKey: aws.String("ops")},
			"ng-bastion": {Ec2SshKey: aws.String("ops"), SourceSecurityGroups: []string{"sg-0bastion"}},
		} {
			out, err := client.CreateNodegroup(ctx, &eks.CreateNodegroupInput{ClusterName: aws.String("prod"), NodegroupName: aws.String(name),
				NodeRole: aws.String("arn:aws:iam::123456789012:role/nodes"), Subnets: []string{"subnet-1"}, RemoteAccess: ra})
			checkSeed(t, out, err)
		}
	})
}
