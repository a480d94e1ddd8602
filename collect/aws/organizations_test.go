package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestOrganizationsAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := organizations.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()

	// Outside any organization: nothing, and no error.
	res := collectMoto(t, srv, []string{"organizations"})
	noErrors(t, res)
	if n := len(byKind(res, "aws.organizations.policy")); n != 0 {
		t.Fatalf("no organization: want no policies, got %d", n)
	}

	if _, err := client.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll}); err != nil {
		t.Fatal(err)
	}
	roots, err := client.ListRoots(ctx, &organizations.ListRootsInput{})
	if err != nil {
		t.Fatal(err)
	}
	deny := `{"Version":"2012-10-17","Statement":[{"Sid":"NoLeaving","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`
	pol, err := client.CreatePolicy(ctx, &organizations.CreatePolicyInput{Name: aws.String("deny-leave"), Description: aws.String("guard"),
		Type: orgtypes.PolicyTypeServiceControlPolicy, Content: aws.String(deny)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.AttachPolicy(ctx, &organizations.AttachPolicyInput{PolicyId: pol.Policy.PolicySummary.Id, TargetId: roots.Roots[0].Id}); err != nil {
		t.Fatal(err)
	}
	res = collectMoto(t, srv, []string{"organizations"})
	noErrors(t, res)
	pols := byKind(res, "aws.organizations.policy")
	r := pols["deny-leave"]
	if r == nil {
		t.Fatalf("deny-leave not collected: %v", pols)
	}
	a := r.Attributes.(*model.OrganizationsPolicy)
	if a.Name != "deny-leave" || a.Type != "SERVICE_CONTROL_POLICY" || a.Targets != 1 || a.Document == nil ||
		len(a.Document.Statements) != 1 || a.Document.Statements[0].Effect != "Deny" ||
		r.ID != aws.ToString(pol.Policy.PolicySummary.Arn) || r.Account != moto.Account || len(r.Raw) == 0 {
		t.Errorf("deny-leave: %+v %+v", r, a)
	}
	// moto, like AWS, also has the AWS managed FullAWSAccess SCP.
	if fa := pols["FullAWSAccess"]; fa == nil || fa.Attributes.(*model.OrganizationsPolicy).Document == nil {
		t.Errorf("FullAWSAccess: %v", pols)
	}
}
