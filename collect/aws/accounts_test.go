package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go/middleware"

	"github.com/vigil-sec/vigil/internal/moto"
)

func TestEveryEnabledRegionByDefault(t *testing.T) {
	srv := moto.Start(t)
	seedQueues(t, srv, "eu-north-1")
	res, err := Collect(context.Background(), Options{
		Services:    []string{"sqs"},
		LoadOptions: srv.LoadOptions("us-east-1"),
		APIOptions:  []func(*middleware.Stack) error{recorded.APIOption},
	})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, res)
	if len(res.Regions) < 10 {
		t.Fatalf("without --regions every enabled region is scanned; got %v", res.Regions)
	}
	if q := byKind(res, "aws.sqs.queue")["q-eu-north-1"]; q == nil || q.Region != "eu-north-1" {
		t.Fatalf("queue in eu-north-1 not found: %v", byKind(res, "aws.sqs.queue"))
	}
}

func TestOrganizationAccountsThroughAssumeRole(t *testing.T) {
	srv := moto.Start(t)
	ctx := context.Background()
	org := organizations.NewFromConfig(srv.Config(t, "us-east-1"))
	if _, err := org.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll}); err != nil {
		t.Fatal(err)
	}
	if _, err := org.CreateAccount(ctx, &organizations.CreateAccountInput{AccountName: aws.String("workloads"), Email: aws.String("w@example.com")}); err != nil {
		t.Fatal(err)
	}
	res, err := Collect(ctx, Options{
		Regions:      []string{"us-east-1"},
		Services:     []string{"sqs"},
		AssumeRole:   "VigilAudit",
		Organization: true,
		LoadOptions:  srv.LoadOptions("us-east-1"),
		APIOptions:   []func(*middleware.Stack) error{recorded.APIOption},
	})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, res)
	if len(res.Accounts) != 2 {
		t.Fatalf("the management account and the member account: got %v", res.Accounts)
	}
}

func TestAccountsNeedAssumeRole(t *testing.T) {
	srv := moto.Start(t)
	_, err := Collect(context.Background(), Options{Accounts: []string{"111111111111"}, LoadOptions: srv.LoadOptions("us-east-1")})
	if err == nil {
		t.Fatal("--accounts without --assume-role must be refused")
	}
}
