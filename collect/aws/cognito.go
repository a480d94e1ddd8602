package aws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	ciptypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("cognito", false, collectCognito) }

// cognitoPoolFills are the settings DescribeUserPool fills: ListUserPools
// answers ids and names only.
var cognitoPoolFills = []string{"mfa_configuration", "advanced_security_mode", "deletion_protection", "password_policy"}

// Page sizes: ListUserPools takes 1-60, ListIdentityPools 1-60; both
// require one.
const cognitoPageSize = 60

// collectCognito reads user pools (ListUserPools, DescribeUserPool) into
// aws.cognito.user_pool and identity pools (ListIdentityPools,
// DescribeIdentityPool) into aws.cognito.identity_pool.
func collectCognito(ctx context.Context, s *scope) {
	collectUserPools(ctx, s)
	collectIdentityPools(ctx, s)
}

func collectUserPools(ctx context.Context, s *scope) {
	client := cognitoidentityprovider.NewFromConfig(s.Config())
	var pools []ciptypes.UserPoolDescriptionType
	ok := s.readKind("ListUserPools", kindFills{model.KindCognitoUserPool.Name(): nil}, func() error {
		p := cognitoidentityprovider.NewListUserPoolsPaginator(client, &cognitoidentityprovider.ListUserPoolsInput{MaxResults: aws.Int32(cognitoPageSize)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			pools = append(pools, page.UserPools...)
		}
		return nil
	})
	if !ok {
		return
	}
	forEach(s, pools, func(up ciptypes.UserPoolDescriptionType) {
		id := aws.ToString(up.Id)
		a := &model.CognitoUserPool{Name: aws.ToString(up.Name)}
		raw := map[string]any{"UserPool": up}
		var tags map[string]string
		rd := s.reads(fmt.Sprintf("arn:%s:cognito-idp:%s:%s:userpool/%s", svcPartition(s.region), s.region, s.account, id))
		rd.call("DescribeUserPool", append(cognitoPoolFills, model.TagsPath), func() error {
			out, err := client.DescribeUserPool(ctx, &cognitoidentityprovider.DescribeUserPoolInput{UserPoolId: up.Id})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil // deleted since it was listed
			}
			if err != nil {
				return err
			}
			p := out.UserPool
			if p == nil {
				return nil
			}
			raw["UserPool"] = p
			// MfaConfiguration is OFF when absent, as the console shows it.
			a.MFAConfiguration = string(p.MfaConfiguration)
			if a.MFAConfiguration == "" {
				a.MFAConfiguration = string(ciptypes.UserPoolMfaTypeOff)
			}
			a.AdvancedSecurityMode = string(ciptypes.AdvancedSecurityModeTypeOff)
			if p.UserPoolAddOns != nil && p.UserPoolAddOns.AdvancedSecurityMode != "" {
				a.AdvancedSecurityMode = string(p.UserPoolAddOns.AdvancedSecurityMode)
			}
			a.DeletionProtection = p.DeletionProtection == ciptypes.DeletionProtectionTypeActive
			if p.Policies != nil && p.Policies.PasswordPolicy != nil {
				pp := p.Policies.PasswordPolicy
				a.PasswordPolicy = model.CognitoPasswordPolicy{MinimumLength: int(aws.ToInt32(pp.MinimumLength)),
					RequireUppercase: pp.RequireUppercase, RequireLowercase: pp.RequireLowercase,
					RequireNumbers: pp.RequireNumbers, RequireSymbols: pp.RequireSymbols}
			}
			if len(p.UserPoolTags) > 0 {
				tags = p.UserPoolTags
			}
			return nil
		})
		rd.add(model.KindCognitoUserPool.With(a), a.Name, raw, tags)
	})
}

func collectIdentityPools(ctx context.Context, s *scope) {
	client := cognitoidentity.NewFromConfig(s.Config())
	var pools []citypes.IdentityPoolShortDescription
	ok := s.readKind("ListIdentityPools", kindFills{model.KindCognitoIdentityPool.Name(): nil}, func() error {
		p := cognitoidentity.NewListIdentityPoolsPaginator(client, &cognitoidentity.ListIdentityPoolsInput{MaxResults: aws.Int32(cognitoPageSize)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			pools = append(pools, page.IdentityPools...)
		}
		return nil
	})
	if !ok {
		return
	}
	forEach(s, pools, func(ip citypes.IdentityPoolShortDescription) {
		id := aws.ToString(ip.IdentityPoolId)
		a := &model.CognitoIdentityPool{Name: aws.ToString(ip.IdentityPoolName)}
		raw := map[string]any{"IdentityPool": ip}
		var tags map[string]string
		rd := s.reads(fmt.Sprintf("arn:%s:cognito-identity:%s:%s:identitypool/%s", svcPartition(s.region), s.region, s.account, id))
		rd.call("DescribeIdentityPool", []string{"allow_unauthenticated_identities", model.TagsPath}, func() error {
			out, err := client.DescribeIdentityPool(ctx, &cognitoidentity.DescribeIdentityPoolInput{IdentityPoolId: ip.IdentityPoolId})
			if awsCodeIn(err, "ResourceNotFoundException") {
				return nil
			}
			if err != nil {
				return err
			}
			raw["IdentityPool"] = out
			a.AllowUnauthenticatedIdentities = out.AllowUnauthenticatedIdentities
			if len(out.IdentityPoolTags) > 0 {
				tags = out.IdentityPoolTags
			}
			return nil
		})
		rd.add(model.KindCognitoIdentityPool.With(a), a.Name, raw, tags)
	})
}
