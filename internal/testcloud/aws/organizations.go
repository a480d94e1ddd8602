package aws

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
)

// orgWorld is an organization, held by its management account. Every
// account of the world is a member; Accounts adds details (e-mail, status,
// how it joined) and members the world does not otherwise describe.
type orgWorld struct {
	Organization orgtypes.Organization `json:"organization"`
	Accounts     []orgtypes.Account    `json:"accounts"`
	Policies     []orgPolicy           `json:"policies"`
	// Delegated are the delegated administrator accounts with the
	// service principals each administers.
	Delegated []orgDelegated `json:"delegated_administrators"`
}

// orgDelegated is one delegated administrator: the account (Id, Name ...)
// and its services.
type orgDelegated struct {
	Account  orgtypes.DelegatedAdministrator `json:"account"`
	Services []orgtypes.DelegatedService     `json:"services"`
}

// orgPolicy is a policy (summary and content) and the roots, OUs and
// accounts it is attached to.
type orgPolicy struct {
	Policy  orgtypes.Policy                `json:"policy"`
	Targets []orgtypes.PolicyTargetSummary `json:"targets"`
}

// Organizations pages by MaxResults, 20 at most; it picks 20 when not asked.
const orgPageSize = 20

func init() {
	register(&service{name: "organizations", signing: "organizations", protocol: protoJSON11, global: true,
		newWorld: func() any { return &orgWorld{} },
		ops: map[string]op{
			"ListAccounts":                    orgListAccounts,
			"DescribeOrganization":            orgDescribeOrganization,
			"ListDelegatedAdministrators":     orgListDelegatedAdministrators,
			"ListDelegatedServicesForAccount": orgListDelegatedServicesForAccount,
			"ListPolicies":                    orgListPolicies,
			"DescribePolicy":                  orgDescribePolicy,
			"ListTargetsForPolicy":            orgListTargetsForPolicy,
		}})
}

// orgOf is the organization the caller may read: its own when it is the
// management account. A member is denied; an account of a world with no
// organization is in none.
func orgOf(c *call) (*orgWorld, error) {
	if w, ok := c.account.worldOf("organizations", Global).(*orgWorld); ok {
		return w, nil
	}
	for i := range c.srv.world.Accounts {
		if c.srv.world.Accounts[i].worldOf("organizations", Global) != nil {
			return nil, &apiError{status: http.StatusBadRequest, code: "AccessDeniedException",
				msg: "You don't have permissions to access this resource."}
		}
	}
	return nil, badRequest("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.")
}

// orgPage pages by NextToken and MaxResults; Organizations calls a bad
// value invalid input.
func orgPage[T any](c *call, items []T) ([]T, *string, error) {
	size := c.intParam("MaxResults", orgPageSize)
	if size > orgPageSize {
		return nil, nil, badRequest("InvalidInputException", "You provided a value that does not match the required pattern: MaxResults must be at most %d.", orgPageSize)
	}
	got, next, err := page(items, c.param("NextToken"), size)
	if err != nil {
		return nil, nil, badRequest("InvalidInputException", "You specified an invalid value for nextToken.")
	}
	return got, optional(next), nil
}

// orgListAccounts lists the world's accounts, with the organization's
// details where it has them, then the members only the organization knows.
func orgListAccounts(c *call) (any, error) {
	w, err := orgOf(c)
	if err != nil {
		return nil, err
	}
	orgID := aws.ToString(w.Organization.Id)
	details := map[string]orgtypes.Account{}
	for _, a := range w.Accounts {
		details[aws.ToString(a.Id)] = a
	}
	var accts []orgtypes.Account
	for _, a := range c.srv.world.Accounts {
		d, ok := details[a.ID]
		if !ok {
			d = orgtypes.Account{Id: aws.String(a.ID), Name: optional(a.Name), Email: aws.String(fmt.Sprintf("aws+%s@example.com", a.ID)),
				Status: orgtypes.AccountStatusActive, State: orgtypes.AccountStateActive, JoinedMethod: orgtypes.AccountJoinedMethodCreated}
		}
		delete(details, a.ID)
		accts = append(accts, d)
	}
	for _, a := range w.Accounts {
		if _, left := details[aws.ToString(a.Id)]; left {
			accts = append(accts, a)
		}
	}
	for i := range accts {
		if accts[i].Arn == nil {
			accts[i].Arn = aws.String("arn:aws:organizations::" + c.account.ID + ":account/" + orgID + "/" + aws.ToString(accts[i].Id))
		}
	}
	items, next, err := orgPage(c, accts)
	if err != nil {
		return nil, err
	}
	return &organizations.ListAccountsOutput{Accounts: items, NextToken: next}, nil
}

func orgListPolicies(c *call) (any, error) {
	w, err := orgOf(c)
	if err != nil {
		return nil, err
	}
	filter := c.param("Filter")
	if filter == "" {
		return nil, badRequest("InvalidInputException", "You must specify a policy type in Filter.")
	}
	sums := []orgtypes.PolicySummary{}
	for _, p := range w.Policies {
		if s := p.Policy.PolicySummary; s != nil && string(s.Type) == filter {
			sums = append(sums, *s)
		}
	}
	items, next, err := orgPage(c, sums)
	if err != nil {
		return nil, err
	}
	return &organizations.ListPoliciesOutput{Policies: items, NextToken: next}, nil
}

func orgPolicyOf(c *call) (*orgPolicy, error) {
	w, err := orgOf(c)
	if err != nil {
		return nil, err
	}
	id := c.param("PolicyId")
	for i := range w.Policies {
		if s := w.Policies[i].Policy.PolicySummary; s != nil && aws.ToString(s.Id) == id {
			return &w.Policies[i], nil
		}
	}
	return nil, badRequest("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.")
}

func orgDescribePolicy(c *call) (any, error) {
	p, err := orgPolicyOf(c)
	if err != nil {
		return nil, err
	}
	return &organizations.DescribePolicyOutput{Policy: &p.Policy}, nil
}

func orgListTargetsForPolicy(c *call) (any, error) {
	p, err := orgPolicyOf(c)
	if err != nil {
		return nil, err
	}
	items, next, err := orgPage(c, append([]orgtypes.PolicyTargetSummary{}, p.Targets...))
	if err != nil {
		return nil, err
	}
	return &organizations.ListTargetsForPolicyOutput{Targets: items, NextToken: next}, nil
}

// orgDescribeOrganization answers members too, as AWS does: any account
// of an organization may describe it.
func orgDescribeOrganization(c *call) (any, error) {
	w, err := orgOf(c)
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) || ae.code != "AccessDeniedException" {
			return nil, err
		}
		for i := range c.srv.world.Accounts {
			if ow, ok := c.srv.world.Accounts[i].worldOf("organizations", Global).(*orgWorld); ok {
				w = ow
			}
		}
	}
	o := w.Organization
	return &organizations.DescribeOrganizationOutput{Organization: &o}, nil
}

func orgListDelegatedAdministrators(c *call) (any, error) {
	w, err := orgOf(c)
	if err != nil {
		return nil, err
	}
	admins := []orgtypes.DelegatedAdministrator{}
	for _, d := range w.Delegated {
		if sp := c.param("ServicePrincipal"); sp != "" && !slices.ContainsFunc(d.Services, func(s orgtypes.DelegatedService) bool { return aws.ToString(s.ServicePrincipal) == sp }) {
			continue
		}
		admins = append(admins, d.Account)
	}
	items, next, err := orgPage(c, admins)
	if err != nil {
		return nil, err
	}
	return &organizations.ListDelegatedAdministratorsOutput{DelegatedAdministrators: items, NextToken: next}, nil
}

func orgListDelegatedServicesForAccount(c *call) (any, error) {
	w, err := orgOf(c)
	if err != nil {
		return nil, err
	}
	id := c.param("AccountId")
	for _, d := range w.Delegated {
		if aws.ToString(d.Account.Id) == id {
			items, next, err := orgPage(c, append([]orgtypes.DelegatedService{}, d.Services...))
			if err != nil {
				return nil, err
			}
			return &organizations.ListDelegatedServicesForAccountOutput{DelegatedServices: items, NextToken: next}, nil
		}
	}
	return nil, badRequest("AccountNotRegisteredException", "The provided account is not a registered delegated administrator for your organization.")
}
