package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/securityhub"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func securityHubFact(t *testing.T, res *Result, region string) *bool {
	t.Helper()
	for _, r := range res.Resources {
		if r.Kind == "aws.region" && r.Region == region {
			return r.Attributes.(*model.AWSRegion).SecurityHubEnabled
		}
	}
	t.Fatalf("no aws.region resource for %s", region)
	return nil
}

func TestSecurityHubAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	if _, err := securityhub.NewFromConfig(srv.Config(t, "eu-west-1")).EnableSecurityHub(context.Background(), &securityhub.EnableSecurityHubInput{}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"securityhub"}, "us-east-1", "eu-west-1")
	noErrors(t, res)
	if v := securityHubFact(t, res, "us-east-1"); v == nil || *v {
		t.Errorf("us-east-1: security_hub_enabled = %v, want false", v)
	}
	if v := securityHubFact(t, res, "eu-west-1"); v == nil || !*v {
		t.Errorf("eu-west-1: security_hub_enabled = %v, want true", v)
	}
}
