package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glacier"
	glaciertypes "github.com/aws/aws-sdk-go-v2/service/glacier/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("glacier", false, collectGlacier) }

// collectGlacier reads every vault (ListVaults) with its access policy
// (GetVaultAccessPolicy) and tags (ListTagsForVault) into
// aws.glacier.vault.
func collectGlacier(ctx context.Context, s *scope) {
	client := glacier.NewFromConfig(s.Config())
	// AccountId "-" is the account of the credentials.
	p := glacier.NewListVaultsPaginator(client, &glacier.ListVaultsInput{AccountId: aws.String("-")})
	var vaults []glaciertypes.DescribeVaultOutput
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListVaults", err)
			return
		}
		vaults = append(vaults, page.VaultList...)
	}
	forEach(s, vaults, func(v glaciertypes.DescribeVaultOutput) {
		a := &model.GlacierVault{}
		raw := map[string]any{"Vault": v}
		rd := s.reads(aws.ToString(v.VaultARN))
		rd.call("GetVaultAccessPolicy", []string{"policy"}, func() error {
			out, err := client.GetVaultAccessPolicy(ctx, &glacier.GetVaultAccessPolicyInput{AccountId: aws.String("-"), VaultName: v.VaultName})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // no access policy (or the vault is gone)
			}
			if err != nil {
				return err
			}
			if out.Policy != nil && aws.ToString(out.Policy.Policy) != "" {
				raw["Policy"] = aws.ToString(out.Policy.Policy)
				a.Policy, err = model.ParsePolicyDocument(aws.ToString(out.Policy.Policy))
			}
			return err
		})
		var tags map[string]string
		rd.call("ListTagsForVault", []string{model.TagsPath}, func() error {
			out, err := client.ListTagsForVault(ctx, &glacier.ListTagsForVaultInput{AccountId: aws.String("-"), VaultName: v.VaultName})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			if len(out.Tags) > 0 {
				tags = out.Tags
			}
			return nil
		})
		rd.add(model.KindGlacierVault.With(a), aws.ToString(v.VaultName), raw, tags)
	})
}
