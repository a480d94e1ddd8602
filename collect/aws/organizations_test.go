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
	if fa := pols["FullAWSAccess"]; fa == nil || fa.Attributes.(*model.OrganizationsPolicy).Document == nil || !fa.Attributes.(*model.OrganizationsPolicy).AWSManaged {
		t.Errorf("FullAWSAccess: %v", pols)
	}
	if a.AWSManaged {
		t.Errorf("deny-leave is the organization's own: %+v", a)
	}
	orgs := byKind(res, "aws.organizations.organization")
	if len(orgs) != 1 {
		t.Fatalf("organizations: %v", orgs)
	}
	var org *model.Resource
	for _, o := range orgs {
		org = o
	}
	oa := org.Attributes.(*model.OrganizationsOrganization)
	if oa.FeatureSet != "ALL" || oa.MasterAccountID != moto.Account || len(oa.ServiceControlPolicies) != 2 ||
		oa.DelegatedAdministrators == nil || len(oa.DelegatedAdministrators) != 0 {
		t.Errorf("organization: %+v", oa)
	}

	// A member account registered as GuardDuty's delegated administrator.
	acct, err := client.CreateAccount(ctx, &organizations.CreateAccountInput{AccountName: aws.String("security"), Email: aws.String("security@example.com")})
	if err != nil {
		t.Fatal(err)
	}
	st, err := client.DescribeCreateAccountStatus(ctx, &organizations.DescribeCreateAccountStatusInput{CreateAccountRequestId: acct.CreateAccountStatus.Id})
	if err != nil {
		t.Fatal(err)
	}
	member := aws.ToString(st.CreateAccountStatus.AccountId)
	if _, err := client.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{AccountId: aws.String(member), ServicePrincipal: aws.String("guardduty.amazonaws.com")}); err != nil {
		t.Fatal(err)
	}
	res = collectMoto(t, srv, []string{"organizations"})
	noErrors(t, res)
	for _, o := range byKind(res, "aws.organizations.organization") {
		got := o.Attributes.(*model.OrganizationsOrganization).DelegatedAdministrators
		if len(got) != 1 || got[0].AccountID != member || len(got[0].ServicePrincipals) != 1 || got[0].ServicePrincipals[0] != "guardduty.amazonaws.com" {
			t.Errorf("delegated administrators: %+v", got)
		}
	}
}
