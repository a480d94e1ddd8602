package aws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestCognitoCollector(t *testing.T) {
	w := fragmentWorld(t, "cognito")
	res := collectClean(t, w, "cognito")
	pools := byKind(res.Resources)["aws.cognito.user_pool"]
	legacy, portal := pools["legacy-app-users"], pools["customer-portal-users"]
	if legacy == nil || portal == nil || legacy.Tags["team"] != "legacy" ||
		legacy.ID != "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_LegacyApp1" {
		t.Fatalf("user pools: %v", pools)
	}
	if a := legacy.Attributes.(*model.CognitoUserPool); a.MFAConfiguration != "OFF" || a.AdvancedSecurityMode != "OFF" || a.DeletionProtection ||
		a.PasswordPolicy.MinimumLength != 6 || a.PasswordPolicy.RequireUppercase || !a.PasswordPolicy.RequireLowercase {
		t.Errorf("legacy: %+v", a)
	}
	if a := portal.Attributes.(*model.CognitoUserPool); a.MFAConfiguration != "ON" || a.AdvancedSecurityMode != "ENFORCED" || !a.DeletionProtection ||
		a.PasswordPolicy.MinimumLength != 14 || !a.PasswordPolicy.RequireSymbols {
		t.Errorf("portal: %+v", a)
	}
	ids := byKind(res.Resources)["aws.cognito.identity_pool"]
	if g := ids["public_gallery"]; g == nil || !g.Attributes.(*model.CognitoIdentityPool).AllowUnauthenticatedIdentities || g.Tags["team"] != "web" {
		t.Errorf("public_gallery: %+v", g)
	}
	if p := ids["portal_users"]; p == nil || p.Attributes.(*model.CognitoIdentityPool).AllowUnauthenticatedIdentities {
		t.Errorf("portal_users: %+v", p)
	}
}
