package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("organizations", true, collectOrganizations) }

// collectOrganizations reads the service control policies of the
// organization, with their documents and number of targets, into
// aws.organizations.policy. Only the management account (or a delegated
// administrator) may list them: an account outside any organization records
// nothing, a member account records the AccessDenied as a collection error.
// A scan of the whole organization reads them once, from the account it
// started in, not once more from every member.
func collectOrganizations(ctx context.Context, s *scope) {
	if s.c.opts.Organization && s.account != s.c.self {
		return
	}
	client := organizations.NewFromConfig(s.Config())
	p := organizations.NewListPoliciesPaginator(client, &organizations.ListPoliciesInput{Filter: orgtypes.PolicyTypeServiceControlPolicy})
	var policies []orgtypes.PolicySummary
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			if awsCodeIn(err, "AWSOrganizationsNotInUseException") {
				return
			}
			s.fail("ListPolicies", err)
			return
		}
		policies = append(policies, page.Policies...)
	}
	forEach(s, policies, func(sum orgtypes.PolicySummary) {
		arn := aws.ToString(sum.Arn)
		out, err := client.DescribePolicy(ctx, &organizations.DescribePolicyInput{PolicyId: sum.Id})
		if err != nil {
			s.failResource("DescribePolicy", arn, err)
			return
		}
		pol := &model.OrganizationsPolicy{Name: aws.ToString(sum.Name), Type: string(sum.Type)}
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
