package aws

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// accounts resolves which accounts to scan and with which credentials:
// the caller's own account, or --accounts / --organization through
// --assume-role. An account whose role cannot be assumed is reported and
// skipped; the others go on.
func (c *collector) accounts(ctx context.Context, base aws.Config) ([]account, error) {
	ident, err := sts.NewFromConfig(base).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return nil, fmt.Errorf("cannot identify the AWS credentials (sts:GetCallerIdentity): %w", err)
	}
	self := aws.ToString(ident.Account)
	c.self = self
	if c.opts.AssumeRole == "" {
		if len(c.opts.Accounts) > 0 || c.opts.Organization {
			return nil, fmt.Errorf("--accounts and --organization need --assume-role")
		}
		return []account{{id: self, cfg: base}}, nil
	}
	partition := "aws"
	if a, err := arn.Parse(aws.ToString(ident.Arn)); err == nil {
		partition = a.Partition
	}
	ids := c.opts.Accounts
	if c.opts.Organization {
		ids, err = organizationAccounts(ctx, base)
		if err != nil {
			return nil, fmt.Errorf("listing the organization's accounts (organizations:ListAccounts, from the management or delegated-admin account): %w", err)
		}
	}
	stsClient := sts.NewFromConfig(base)
	var out []account
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		roleARN := fmt.Sprintf("arn:%s:iam::%s:role/%s", partition, id, strings.TrimPrefix(c.opts.AssumeRole, "/"))
		prov := stscreds.NewAssumeRoleProvider(stsClient, roleARN, func(o *stscreds.AssumeRoleOptions) {
			o.RoleSessionName = "vigil-scan"
			if c.opts.ExternalID != "" {
				o.ExternalID = aws.String(c.opts.ExternalID)
			}
		})
		cfg := base.Copy()
		// The cache refreshes the credentials before they expire, so long
		// scans outlive one session.
		cfg.Credentials = aws.NewCredentialsCache(prov)
		if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
			c.failAccount(id, "sts", "AssumeRole", err)
			continue
		}
		out = append(out, account{id: id, cfg: cfg})
	}
	return out, nil
}

func organizationAccounts(ctx context.Context, cfg aws.Config) ([]string, error) {
	var ids []string
	p := organizations.NewListAccountsPaginator(organizations.NewFromConfig(cfg), &organizations.ListAccountsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.Accounts {
			// State replaces Status, which AWS retired in September 2026.
			if a.State == orgtypes.AccountStateActive || (a.State == "" && a.Status == orgtypes.AccountStatusActive) {
				ids = append(ids, aws.ToString(a.Id))
			}
		}
	}
	return ids, nil
}
