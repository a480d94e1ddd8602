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
