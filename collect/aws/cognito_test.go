package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	ciptypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedCognito creates a user pool with Cognito's defaults (MFA off, no
// threat protection, no deletion protection, the default password policy),
// a hardened one with a strong policy, and identity pools with and without
// guest access.
func seedCognito(t *testing.T, srv *moto.Server) {
	t.Helper()
	cfg := srv.Config(t, "us-east-1")
	idp := cognitoidentityprovider.NewFromConfig(cfg)
	ctx := context.Background()
	must := seeded(t)
	must(idp.CreateUserPool(ctx, &cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String("defaults"),
		UserPoolTags: map[string]string{"team": "legacy"}}))
	must(idp.CreateUserPool(ctx, &cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String("hardened"),
		MfaConfiguration:   ciptypes.UserPoolMfaTypeOn,
		DeletionProtection: ciptypes.DeletionProtectionTypeActive,
		UserPoolAddOns:     &ciptypes.UserPoolAddOnsType{AdvancedSecurityMode: ciptypes.AdvancedSecurityModeTypeEnforced},
		Policies: &ciptypes.UserPoolPolicyType{PasswordPolicy: &ciptypes.PasswordPolicyType{MinimumLength: aws.Int32(6),
			RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: false}}}))
	ids := cognitoidentity.NewFromConfig(cfg)
	for _, p := range []struct {
		name  string
		guest bool
	}{{"gallery", true}, {"members", false}} {
		must(ids.CreateIdentityPool(ctx, &cognitoidentity.CreateIdentityPoolInput{IdentityPoolName: aws.String(p.name),
			AllowUnauthenticatedIdentities: p.guest, IdentityPoolTags: map[string]string{"team": p.name}}))
	}
}

func TestCognitoAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedCognito(t, srv)
	res := collectMoto(t, srv, []string{"cognito"})
	noErrors(t, res)

	pools := byKind(res, "aws.cognito.user_pool")
	if len(pools) != 2 || pools["defaults"].Tags["team"] != "legacy" {
		t.Fatalf("user pools: %v", pools)
	}
	if a := pools["defaults"].Attributes.(*model.CognitoUserPool); a.MFAConfiguration != "OFF" || a.AdvancedSecurityMode != "OFF" ||
		a.DeletionProtection || a.PasswordPolicy.MinimumLength != 8 || !a.PasswordPolicy.RequireSymbols {
		t.Errorf("defaults: %+v", a)
	}
	if a := pools["hardened"].Attributes.(*model.CognitoUserPool); a.MFAConfiguration != "ON" || a.AdvancedSecurityMode != "ENFORCED" ||
		!a.DeletionProtection || a.PasswordPolicy.MinimumLength != 6 || a.PasswordPolicy.RequireSymbols {
		t.Errorf("hardened: %+v", a)
	}
	idps := byKind(res, "aws.cognito.identity_pool")
	if len(idps) != 2 || idps["gallery"].Tags["team"] != "gallery" {
		t.Fatalf("identity pools: %v", idps)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-COGNITO-001", "AWS-COGNITO-002", "AWS-COGNITO-004"} {
		if !fails["defaults"][id] || fails["hardened"][id] {
			t.Errorf("%s: defaults %v, hardened %v", id, fails["defaults"], fails["hardened"])
		}
	}
	if fails["defaults"]["AWS-COGNITO-003"] || !fails["hardened"]["AWS-COGNITO-003"] {
		t.Errorf("AWS-COGNITO-003: defaults %v, hardened %v", fails["defaults"], fails["hardened"])
	}
	if !fails["gallery"]["AWS-COGNITO-005"] || fails["members"]["AWS-COGNITO-005"] {
		t.Errorf("AWS-COGNITO-005: gallery %v, members %v", fails["gallery"], fails["members"])
	}
}
