package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Cognito: AWS::Cognito::UserPool and AWS::Cognito::IdentityPool.
func init() {
	parent("AWS::Cognito::UserPool", model.KindCognitoUserPool, func(b *builder) {
		a := model.KindCognitoUserPool.Must(b.target)
		a.Name = b.nameProp("UserPoolName")
		a.MFAConfiguration = strings.ToUpper(b.str("MfaConfiguration", "mfa_configuration", "OFF"))
		a.AdvancedSecurityMode = strings.ToUpper(b.str("UserPoolAddOns.AdvancedSecurityMode", "advanced_security_mode", "OFF"))
		a.DeletionProtection = strings.ToUpper(b.str("DeletionProtection", "deletion_protection", "INACTIVE")) == "ACTIVE"
		// Without a policy Cognito applies its default (8 characters, all
		// four character classes); a declared policy sends only what it
		// names, and what it leaves out stays unknown.
		a.PasswordPolicy = model.CognitoPasswordPolicy{MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true}
		if b.has("Policies.PasswordPolicy") {
			pp := &a.PasswordPolicy
			pp.MinimumLength = b.integer("Policies.PasswordPolicy.MinimumLength", "password_policy.minimum_length", 8)
			pp.RequireUppercase = b.boolean("Policies.PasswordPolicy.RequireUppercase", "password_policy.require_uppercase", false)
			pp.RequireLowercase = b.boolean("Policies.PasswordPolicy.RequireLowercase", "password_policy.require_lowercase", false)
			pp.RequireNumbers = b.boolean("Policies.PasswordPolicy.RequireNumbers", "password_policy.require_numbers", false)
			pp.RequireSymbols = b.boolean("Policies.PasswordPolicy.RequireSymbols", "password_policy.require_symbols", false)
			for prop, path := range map[string]string{"MinimumLength": "minimum_length", "RequireUppercase": "require_uppercase",
				"RequireLowercase": "require_lowercase", "RequireNumbers": "require_numbers", "RequireSymbols": "require_symbols"} {
				if !b.has("Policies.PasswordPolicy." + prop) {
					b.target.MarkUnknown("password_policy." + path)
				}
			}
		}
	})
	parent("AWS::Cognito::IdentityPool", model.KindCognitoIdentityPool, func(b *builder) {
		a := model.KindCognitoIdentityPool.Must(b.target)
		a.Name = b.nameProp("IdentityPoolName")
		a.AllowUnauthenticatedIdentities = b.boolean("AllowUnauthenticatedIdentities", "allow_unauthenticated_identities", false)
	})
}
