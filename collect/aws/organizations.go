package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("organizations", true, collectOrganizations) }

// collectOrganizations reads the organization (DescribeOrganization) and,
// in its management account, its delegated administrators into one
// aws.organizations.organization; then the service control policies, with
// their documents and number of targets, into aws.organizations.policy.
// Only the management account (or a delegated administrator) may list
// policies: an account outside any organization records nothing, a member
// account records the AccessDenied as a collection error and has no
// organization resource, so the organization-wide rules give it no
// verdict. A scan of the whole organization reads them once, from the
// account it started in, not once more from every member.
func collectOrganizations(ctx context.Context, s *scope) {
	if s.c.opts.Organization && s.account != s.c.self {
		return
	}
	client := organizations.NewFromConfig(s.Config())
	org, err := client.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil {
		if awsCodeIn(err, "AWSOrganizationsNotInUseException") {
			return
		}
		s.fail("DescribeOrganization", err)
		return
	}
	var policies []orgtypes.PolicySummary
	list := func() error {
		p := organizations.NewListPoliciesPaginator(client, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeServiceControlPolicy})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			policies = append(policies, page.Policies...)
		}
		return nil
	}
	var listErr error
	if o := org.Organization; o != nil && aws.ToString(o.MasterAccountId) == s.account {
		collectOrganization(ctx, s, client, o, func() error { listErr = list(); return listErr }, &policies)
	} else {
		listErr = list()
	}
	if listErr != nil {
		s.fail("ListPolicies", listErr)
		return
	}
	forEach(s, policies, func(sum orgtypes.PolicySummary) {
		arn := aws.ToString(sum.Arn)
		out, err := client.DescribePolicy(ctx, &organizations.DescribePolicyInput{PolicyId: sum.Id})
		if err != nil {
			s.failResource("DescribePolicy", arn, err)
			return
		}
		pol := &model.OrganizationsPolicy{Name: aws.ToString(sum.Name), Type: string(sum.Type), AWSManaged: sum.AwsManaged}
		rd := s.reads(arn)
		if out.Policy != nil {
			rd.call("DescribePolicy", []string{"document"}, func() (err error) {
				pol.Document, err = model.ParsePolicyDocument(aws.ToString(out.Policy.Content))
				return err
			})
		}
		rd.call("ListTargetsForPolicy", []string{"targets"}, func() error {
			tp := organizations.NewListTargetsForPolicyPaginator(client, &organizations.ListTargetsForPolicyInput{PolicyId: sum.Id})
			for tp.HasMorePages() {
				tt, err := tp.NextPage(ctx)
				if err != nil {
					pol.Targets = 0
					return err
				}
				pol.Targets += len(tt.Targets)
			}
			return nil
		})
		rd.add(model.KindOrganizationsPolicy.With(pol), pol.Name, out.Policy, nil)
	})
}

// collectOrganization adds the organization with the ARNs of its service
// control policies (list, ListPolicies: the rules find the policies by
// them, so a failed listing leaves them unknown on the organization, not
// only unread as a kind) and its delegated administrators
// (ListDelegatedAdministrators, then ListDelegatedServicesForAccount of
// each): either call failing leaves the list unknown.
func collectOrganization(ctx context.Context, s *scope, client *organizations.Client, o *orgtypes.Organization, list func() error, policies *[]orgtypes.PolicySummary) {
	a := &model.OrganizationsOrganization{ID: aws.ToString(o.Id), FeatureSet: string(o.FeatureSet), MasterAccountID: aws.ToString(o.MasterAccountId)}
	rd := s.reads(aws.ToString(o.Arn))
	rd.call("ListPolicies", []string{"service_control_policies"}, func() error {
		if err := list(); err != nil {
			return err
		}
		a.ServiceControlPolicies = []string{}
		for _, p := range *policies {
			a.ServiceControlPolicies = append(a.ServiceControlPolicies, aws.ToString(p.Arn))
		}
		return nil
	})
	rd.call("ListDelegatedAdministrators", []string{"delegated_administrators"}, func() error {
		a.DelegatedAdministrators = []model.OrganizationsDelegated{}
		p := organizations.NewListDelegatedAdministratorsPaginator(client, &organizations.ListDelegatedAdministratorsInput{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, d := range page.DelegatedAdministrators {
				del := model.OrganizationsDelegated{AccountID: aws.ToString(d.Id), ServicePrincipals: []string{}}
				sp := organizations.NewListDelegatedServicesForAccountPaginator(client, &organizations.ListDelegatedServicesForAccountInput{AccountId: d.Id})
				for sp.HasMorePages() {
					sv, err := sp.NextPage(ctx)
					if err != nil {
						return err
					}
					for _, svc := range sv.DelegatedServices {
						del.ServicePrincipals = append(del.ServicePrincipals, aws.ToString(svc.ServicePrincipal))
					}
				}
				a.DelegatedAdministrators = append(a.DelegatedAdministrators, del)
			}
		}
		return nil
	})
	rd.add(model.KindOrganizationsOrganization.With(a), a.ID, o, nil)
}
