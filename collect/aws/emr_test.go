package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	emrtypes "github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedEMR turns block public access off with port 8080 allowed and starts
// a cluster without and one with a security configuration and Kerberos.
func seedEMR(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := emr.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.PutBlockPublicAccessConfiguration(ctx, &emr.PutBlockPublicAccessConfigurationInput{
		BlockPublicAccessConfiguration: &emrtypes.BlockPublicAccessConfiguration{BlockPublicSecurityGroupRules: aws.Bool(true),
			PermittedPublicSecurityGroupRuleRanges: []emrtypes.PortRange{{MinRange: aws.Int32(22), MaxRange: aws.Int32(22)}, {MinRange: aws.Int32(8080), MaxRange: aws.Int32(8080)}}}}))
	must(client.CreateSecurityConfiguration(ctx, &emr.CreateSecurityConfigurationInput{Name: aws.String("encrypted"),
		SecurityConfiguration: aws.String(`{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true}}`)}))
	for _, c := range []struct {
		name string
		on   bool
	}{{"open-cluster", false}, {"closed-cluster", true}} {
		in := &emr.RunJobFlowInput{Name: aws.String(c.name), ReleaseLabel: aws.String("emr-7.2.0"),
			JobFlowRole: aws.String("EMR_EC2_DefaultRole"), ServiceRole: aws.String("EMR_DefaultRole"),
			Instances: &emrtypes.JobFlowInstancesConfig{MasterInstanceType: aws.String("m5.xlarge"), InstanceCount: aws.Int32(1), KeepJobFlowAliveWhenNoSteps: aws.Bool(true)},
			Tags:      []emrtypes.Tag{{Key: aws.String("team"), Value: aws.String(c.name)}}}
		if c.on {
			in.SecurityConfiguration = aws.String("encrypted")
			in.KerberosAttributes = &emrtypes.KerberosAttributes{Realm: aws.String("EC2.INTERNAL"), KdcAdminPassword: aws.String("kdc-password-1")}
		}
		must(client.RunJobFlow(ctx, in))
	}
}

func TestEMRAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedEMR(t, srv)
	res := collectMoto(t, srv, []string{"emr"})
	// moto does not serve ListSecurityConfigurations: that listing fails
	// and nothing else may.
	for _, e := range res.Errors {
		if e.Operation != "ListSecurityConfigurations" {
			t.Errorf("collection error: %s", e)
		}
	}

	bpa := byKind(res, "aws.emr.block_public_access")
	if len(bpa) != 1 {
		t.Fatalf("block public access: %v", bpa)
	}
	for _, r := range bpa {
		if a := r.Attributes.(*model.EMRBlockPublicAccess); !a.Enabled || len(a.PermittedPorts) != 2 || a.PermittedPorts[1] != "8080" {
			t.Errorf("block public access: %+v", a)
		}
	}
	clusters := byKind(res, "aws.emr.cluster")
	if len(clusters) != 2 {
		t.Fatalf("clusters: %v", clusters)
	}
	if o := clusters["open-cluster"]; o.Tags["team"] != "open-cluster" {
		t.Errorf("open: tags %v", o.Tags)
	}
	if a := clusters["open-cluster"].Attributes.(*model.EMRCluster); a.SecurityConfiguration != "" || a.Kerberos {
		t.Errorf("open: %+v", a)
	}
	if a := clusters["closed-cluster"].Attributes.(*model.EMRCluster); a.SecurityConfiguration != "encrypted" || !a.Kerberos {
		t.Errorf("closed: %+v", a)
	}
	if raw := string(clusters["closed-cluster"].Raw); len(raw) == 0 || containsBytes(clusters["closed-cluster"].Raw, "kdc-password-1") {
		t.Errorf("closed: raw holds the KDC password or nothing: %s", raw)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-EMR-003", "AWS-EMR-004"} {
		if !fails["open-cluster"][id] || fails["closed-cluster"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open-cluster"], fails["closed-cluster"])
		}
	}
	for name := range bpa {
		if !fails[name]["AWS-EMR-001"] {
			t.Errorf("AWS-EMR-001 does not fail on port 8080: %v", fails[name])
		}
	}
}
