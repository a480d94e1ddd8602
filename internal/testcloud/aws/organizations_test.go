package aws

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// orgClient is an Organizations client with the credentials of the
// world's account id.
func orgClient(t *testing.T, w *World, id string) *organizations.Client {
	t.Helper()
	cfg, _ := testCloud(t, w)
	cfg.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: w.Account(id).AccessKey, SecretAccessKey: "x"}, nil
	}))
	return organizations.NewFromConfig(cfg)
}

func orgFragment(w *World) *orgWorld {
	return w.Account(fragmentAccount).worldOf("organizations", Global).(*orgWorld)
}

func TestOrganizationsRoundTrip(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	ow := orgFragment(w)
	client := orgClient(t, w, fragmentAccount)

	accts, err := client.ListAccounts(iamCtx, &organizations.ListAccountsInput{})
	if err != nil {
		t.Fatal(err)
	}
	var want []orgtypes.Account
	for _, a := range ow.Accounts {
		a.Arn = aws.String("arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/" + *a.Id)
		want = append(want, a)
	}
	sameJSON(t, "ListAccounts", accts.Accounts, want)

	scps, err := client.ListPolicies(iamCtx, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeServiceControlPolicy})
	if err != nil {
		t.Fatal(err)
	}
	var wantSCPs []orgtypes.PolicySummary
	for _, p := range ow.Policies {
		if p.Policy.PolicySummary.Type == orgtypes.PolicyTypeServiceControlPolicy {
			wantSCPs = append(wantSCPs, *p.Policy.PolicySummary)
		}
	}
	sameJSON(t, "ListPolicies SCP", scps.Policies, wantSCPs)
	if len(scps.Policies) != 4 || scps.NextToken != nil {
		t.Errorf("SCPs: %d, next %v", len(scps.Policies), scps.NextToken)
	}
	tags, err := client.ListPolicies(iamCtx, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeTagPolicy})
	if err != nil || len(tags.Policies) != 1 || aws.ToString(tags.Policies[0].Name) != "CostCenterTags" {
		t.Errorf("tag policies: %+v %v", tags, err)
	}

	for _, p := range ow.Policies {
		id := p.Policy.PolicySummary.Id
		d, err := client.DescribePolicy(iamCtx, &organizations.DescribePolicyInput{PolicyId: id})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "DescribePolicy "+*id, d.Policy, &p.Policy)
		tt, err := client.ListTargetsForPolicy(iamCtx, &organizations.ListTargetsForPolicyInput{PolicyId: id})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "targets of "+*id, tt.Targets, append([]orgtypes.PolicyTargetSummary{}, p.Targets...))
	}

	_, err = client.DescribePolicy(iamCtx, &organizations.DescribePolicyInput{PolicyId: aws.String("p-00000000")})
	iamWantCode(t, "unknown policy", err, "PolicyNotFoundException")
	_, err = client.ListTargetsForPolicy(iamCtx, &organizations.ListTargetsForPolicyInput{PolicyId: aws.String("p-00000000")})
	iamWantCode(t, "targets of an unknown policy", err, "PolicyNotFoundException")
}

// Only the management account reads the organization: a member is denied,
// and an account of a world without one is in no organization.
func TestOrganizationsAccess(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	member := orgClient(t, w, "222222222222")
	_, err := member.ListAccounts(iamCtx, &organizations.ListAccountsInput{})
	iamWantCode(t, "member ListAccounts", err, "AccessDeniedException")
	_, err = member.ListPolicies(iamCtx, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeServiceControlPolicy})
	iamWantCode(t, "member ListPolicies", err, "AccessDeniedException")

	alone := orgClient(t, fragmentWorld(t, "shield"), fragmentAccount)
	_, err = alone.ListAccounts(iamCtx, &organizations.ListAccountsInput{})
	iamWantCode(t, "no organization", err, "AWSOrganizationsNotInUseException")
	_, err = alone.DescribePolicy(iamCtx, &organizations.DescribePolicyInput{PolicyId: aws.String("p-4d7kq2xz")})
	iamWantCode(t, "no organization", err, "AWSOrganizationsNotInUseException")
}

// Listings page by NextToken, 20 at most.
func TestOrganizationsPages(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	ow := orgFragment(w)
	for i := 0; i < 45; i++ {
		id := fmt.Sprintf("p-big%05d", i)
		ow.Policies = append(ow.Policies, orgPolicy{Policy: orgtypes.Policy{
			PolicySummary: &orgtypes.PolicySummary{Id: aws.String(id), Name: aws.String(id), Type: orgtypes.PolicyTypeServiceControlPolicy},
			Content:       aws.String(`{"Version":"2012-10-17","Statement":[]}`)}})
		ow.Accounts = append(ow.Accounts, orgtypes.Account{Id: aws.String(fmt.Sprintf("4%011d", i)), Status: orgtypes.AccountStatusActive})
	}
	big := &ow.Policies[len(ow.Policies)-1]
	for i := 0; i < 25; i++ {
		big.Targets = append(big.Targets, orgtypes.PolicyTargetSummary{TargetId: aws.String(fmt.Sprintf("5%011d", i)), Type: orgtypes.TargetTypeAccount})
	}
	client := orgClient(t, w, fragmentAccount)

	pages, n := 0, 0
	for p := organizations.NewListPoliciesPaginator(client, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeServiceControlPolicy}); p.HasMorePages(); pages++ {
		out, err := p.NextPage(iamCtx)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Policies) > orgPageSize {
			t.Errorf("page of %d", len(out.Policies))
		}
		n += len(out.Policies)
	}
	if n != 49 || pages != 3 {
		t.Errorf("SCPs: %d in %d pages", n, pages)
	}
	pages, n = 0, 0
	for p := organizations.NewListAccountsPaginator(client, &organizations.ListAccountsInput{MaxResults: aws.Int32(7)}); p.HasMorePages(); pages++ {
		out, err := p.NextPage(iamCtx)
		if err != nil {
			t.Fatal(err)
		}
		n += len(out.Accounts)
	}
	if n != 48 || pages != 7 {
		t.Errorf("accounts: %d in %d pages", n, pages)
	}
	_, err := client.ListAccounts(iamCtx, &organizations.ListAccountsInput{MaxResults: aws.Int32(21)})
	iamWantCode(t, "MaxResults 21", err, "InvalidInputException")
	_, err = client.ListAccounts(iamCtx, &organizations.ListAccountsInput{NextToken: aws.String("bogus")})
	iamWantCode(t, "bad NextToken", err, "InvalidInputException")

	res, _ := collect(t, w, "organizations")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	pols := byKind(res.Resources)["aws.organizations.policy"]
	if len(pols) != 49 || pols["p-big00044"] == nil || pols["p-big00044"].Attributes.(*model.OrganizationsPolicy).Targets != 25 {
		t.Errorf("collected %d policies, last %+v", len(pols), pols["p-big00044"])
	}
}

// The collector reads the SCPs with their documents and targets: an
// unattached guardrail counts no targets.
func TestOrganizationsCollect(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	res := collectClean(t, w, "organizations")
	pols := byKind(res.Resources)["aws.organizations.policy"]
	if len(pols) != 4 || pols["CostCenterTags"] != nil {
		t.Fatalf("SCPs only: %v", pols)
	}
	unattached := pols["DenyRootUser"]
	if a := unattached.Attributes.(*model.OrganizationsPolicy); a.Targets != 0 || a.Document == nil || a.Document.Statements[0].Effect != "Deny" {
		t.Errorf("DenyRootUser: %+v", a)
	}
	if unattached.ID != "arn:aws:organizations::111111111111:policy/o-a1b2c3d4e5/service_control_policy/p-2b8nv5cj" {
		t.Errorf("id %s", unattached.ID)
	}
	if a := pols["RegionLock"].Attributes.(*model.OrganizationsPolicy); a.Targets != 2 || a.Type != "SERVICE_CONTROL_POLICY" || len(a.Document.Statements[0].NotActions) != 6 {
		t.Errorf("RegionLock: %+v", a)
	}
	if a := pols["FullAWSAccess"].Attributes.(*model.OrganizationsPolicy); a.Targets != 1 {
		t.Errorf("FullAWSAccess: %+v", a)
	}

	// An account in no organization records nothing, and no error.
	res, _ = collect(t, fragmentWorld(t, "shield"), "organizations")
	if len(res.Errors) > 0 || len(byKind(res.Resources)["aws.organizations.policy"]) > 0 {
		t.Errorf("no organization: %v %v", res.Errors, res.Resources)
	}
}

// --organization lists the accounts from the management account and scans
// the active ones; the organization's policies are read once, from the
// management account, not asked of members (who would be denied).
func TestOrganizationsScanAccounts(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	hs := httptest.NewServer(NewServer(w))
	t.Cleanup(hs.Close)
	t.Setenv("AWS_CA_BUNDLE", "")
	res, err := awscollect.Collect(context.Background(), awscollect.Options{
		Services: []string{"organizations"}, Regions: w.Regions, Organization: true, AssumeRole: "VigilAudit",
		LoadOptions: clientOptions(hs.URL, w.Accounts[0].AccessKey),
	})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "accounts scanned", res.Accounts, []string{"111111111111", "222222222222"})
	if len(res.Errors) != 0 {
		t.Errorf("members are not asked for the organization's policies: %v", res.Errors)
	}
	if n := len(byKind(res.Resources)["aws.organizations.policy"]); n != 4 {
		t.Errorf("%d policies", n)
	}
}

// The management account's scan has the organization: its SCPs by ARN and
// its delegated administrators with their services; the rules judge it
// (a leave-organization guardrail is attached, the others are missing;
// GuardDuty and Security Hub are delegated, Config and Access Analyzer not).
func TestOrganizationsOrganizationJudged(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	res := collectClean(t, w, "organizations")
	orgs := byKind(res.Resources)["aws.organizations.organization"]
	o := orgs["o-a1b2c3d4e5"]
	if len(orgs) != 1 || o == nil {
		t.Fatalf("organization: %v", orgs)
	}
	a := o.Attributes.(*model.OrganizationsOrganization)
	if o.ID != "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5" || a.FeatureSet != "ALL" || a.MasterAccountID != "111111111111" ||
		len(a.ServiceControlPolicies) != 4 || len(o.Unknown) != 0 {
		t.Errorf("organization: %+v %+v", o, a)
	}
	sameJSON(t, "delegated administrators", a.DelegatedAdministrators, []model.OrganizationsDelegated{
		{AccountID: "222222222222", ServicePrincipals: []string{"guardduty.amazonaws.com", "securityhub.amazonaws.com"}}})

	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := engine.Evaluate(context.Background(), res.Resources, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fs {
		if f.Resource.ID == o.ID {
			got[f.RuleID] = string(f.Status) + ": " + f.Message
		}
	}
	want := map[string]string{
		"AWS-ORG-001": "pass: ",
		"AWS-ORG-002": "fail: no attached service control policy of organization o-a1b2c3d4e5 denies deleting GuardDuty detectors, stopping AWS Config, stopping CloudTrail, using the root user",
		"AWS-ORG-003": "pass: ",
		"AWS-ORG-004": "pass: ",
		"AWS-ORG-005": "fail: organization o-a1b2c3d4e5 has no delegated administrator for AWS Config",
		"AWS-ORG-006": "fail: organization o-a1b2c3d4e5 has no delegated administrator for IAM Access Analyzer",
	}
	for id, v := range want {
		if !strings.HasPrefix(got[id], v) {
			t.Errorf("%s: got %q, want %q", id, got[id], v)
		}
	}
}

// A member account scanned alone may describe its organization but not
// list its policies: an error, no organization resource, no verdict.
func TestOrganizationsMemberAlone(t *testing.T) {
	w := fragmentWorld(t, "organizations")
	w.Accounts[0], w.Accounts[1] = w.Accounts[1], w.Accounts[0]
	res, _ := collect(t, w, "organizations")
	if len(res.Errors) != 1 || res.Errors[0].Code != "AccessDeniedException" {
		t.Errorf("errors: %v", res.Errors)
	}
	if len(byKind(res.Resources)["aws.organizations.organization"]) != 0 || len(byKind(res.Resources)["aws.organizations.policy"]) != 0 {
		t.Errorf("a member reads no organization: %v", res.Resources)
	}
}

// The management account's organization aggregator (us-east-1) passes
// AWS-CONFIG-003; without it the organization fails it.
func TestOrganizationsConfigAggregator(t *testing.T) {
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	verdict := func(w *World) model.Status {
		res := collectClean(t, w, "organizations", "configservice")
		fs, err := engine.Evaluate(context.Background(), res.Resources, policy.EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.RuleID == "AWS-CONFIG-003" {
				return f.Status
			}
		}
		return ""
	}
	w := fragmentWorld(t, "organizations", "config")
	res := collectClean(t, w, "configservice")
	aggs := byKind(res.Resources)["aws.config.aggregator"]
	if len(aggs) != 1 {
		t.Fatalf("aggregators: %v", aggs)
	}
	for _, r := range aggs {
		if a := r.Attributes.(*model.ConfigAggregator); a.Name != "organization" || !a.OrganizationSource || !a.AllRegions || a.AccountSources != 0 || r.Region != "us-east-1" {
			t.Errorf("aggregator: %+v %+v", r, a)
		}
	}
	if st := verdict(w); st != model.StatusPass {
		t.Errorf("with the aggregator: %q", st)
	}
	if st := verdict(fragmentWorld(t, "organizations")); st != model.StatusFail {
		t.Errorf("without it: %q", st)
	}
}
