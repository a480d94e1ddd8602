package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Cognito: aws_cognito_user_pool becomes aws.cognito.user_pool,
// aws_cognito_identity_pool aws.cognito.identity_pool.
func init() {
	registerParent("aws_cognito_user_pool", model.KindCognitoUserPool, func(b *Builder) {
		a := model.KindCognitoUserPool.Must(b.R)
		a.Name = b.NameFrom("name")
		a.MFAConfiguration = strings.ToUpper(b.String("mfa_configuration", "mfa_configuration", "OFF"))
		a.AdvancedSecurityMode = strings.ToUpper(b.String("user_pool_add_ons[0].advanced_security_mode", "advanced_security_mode", "OFF"))
		a.DeletionProtection = strings.ToUpper(b.String("deletion_protection", "deletion_protection", "INACTIVE")) == "ACTIVE"
		// Without a policy Cognito applies its default (8 characters, all
		// four character classes); a declared policy sends only what it
		// names, and what it leaves out stays unknown.
		a.PasswordPolicy = model.CognitoPasswordPolicy{MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true}
		if b.HasBlock("password_policy") {
			pp := &a.PasswordPolicy
			pp.MinimumLength = b.Int("password_policy[0].minimum_length", "password_policy.minimum_length", 8)
			pp.RequireUppercase = b.Bool("password_policy[0].require_uppercase", "password_policy.require_uppercase", false)
			pp.RequireLowercase = b.Bool("password_policy[0].require_lowercase", "password_policy.require_lowercase", false)
			pp.RequireNumbers = b.Bool("password_policy[0].require_numbers", "password_policy.require_numbers", false)
			pp.RequireSymbols = b.Bool("password_policy[0].require_symbols", "password_policy.require_symbols", false)
			for _, f := range []string{"minimum_length", "require_uppercase", "require_lowercase", "require_numbers", "require_symbols"} {
				if !b.Has("password_policy[0]." + f) {
					b.R.MarkUnknown("password_policy." + f)
				}
			}
		}
	})
	registerParent("aws_cognito_identity_pool", model.KindCognitoIdentityPool, func(b *Builder) {
		a := model.KindCognitoIdentityPool.Must(b.R)
		a.Name = b.NameFrom("identity_pool_name")
		a.AllowUnauthenticatedIdentities = b.Bool("allow_unauthenticated_identities", "allow_unauthenticated_identities", false)
	})
}
