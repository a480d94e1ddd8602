package model

// Kinds of this service.
var (
	KindCognitoUserPool     = NewKind[CognitoUserPool]("aws.cognito.user_pool", "Amazon Cognito user pool")
	KindCognitoIdentityPool = NewKind[CognitoIdentityPool]("aws.cognito.identity_pool", "Amazon Cognito identity pool (federated identities)")
)

// CognitoUserPool is kind aws.cognito.user_pool.
type CognitoUserPool struct {
	Name                 string                `json:"name"`
	MFAConfiguration     string                `json:"mfa_configuration" doc:"OFF, ON (required) or OPTIONAL (each user chooses)"`
	AdvancedSecurityMode string                `json:"advanced_security_mode" doc:"threat protection (advanced security) for standard authentication: OFF, AUDIT or ENFORCED"`
	DeletionProtection   bool                  `json:"deletion_protection"`
	PasswordPolicy       CognitoPasswordPolicy `json:"password_policy"`
}

// CognitoPasswordPolicy is a user pool's password policy.
type CognitoPasswordPolicy struct {
	MinimumLength    int  `json:"minimum_length"`
	RequireUppercase bool `json:"require_uppercase"`
	RequireLowercase bool `json:"require_lowercase"`
	RequireNumbers   bool `json:"require_numbers"`
	RequireSymbols   bool `json:"require_symbols"`
}

// CognitoIdentityPool is kind aws.cognito.identity_pool.
type CognitoIdentityPool struct {
	Name                           string `json:"name"`
	AllowUnauthenticatedIdentities bool   `json:"allow_unauthenticated_identities" doc:"guests without any login get AWS credentials (the pool's unauthenticated role)"`
}
