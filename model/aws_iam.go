package model

// Kinds of this service.
var (
	KindIAMPolicy            = NewKind[IAMPolicy]("aws.iam.policy", "customer-managed IAM policy")
	KindIAMRole              = NewKind[IAMRole]("aws.iam.role", "IAM role")
	KindIAMUser              = NewKind[IAMUser]("aws.iam.user", "IAM user")
	KindIAMGroup             = NewKind[IAMGroup]("aws.iam.group", "IAM group")
	KindIAMOIDCProvider      = NewKind[IAMOIDCProvider]("aws.iam.oidc_provider", "IAM OpenID Connect identity provider")
	KindIAMSAMLProvider      = NewKind[IAMSAMLProvider]("aws.iam.saml_provider", "IAM SAML identity provider")
	KindIAMServerCertificate = NewKind[IAMServerCertificate]("aws.iam.server_certificate", "SSL/TLS server certificate stored in IAM")
)

// IAMInlinePolicy is a policy embedded in a user, group or role.
type IAMInlinePolicy struct {
	Name     string          `json:"name"`
	Document *PolicyDocument `json:"document"`
}

// IAMPolicy is kind aws.iam.policy (a customer-managed policy).
type IAMPolicy struct {
	Name        string          `json:"name"`
	Path        string          `json:"path"`
	Document    *PolicyDocument `json:"document" doc:"the default version's document"`
	Attachments int             `json:"attachments" doc:"number of users, groups and roles it is attached to"`
}

// IAMRole is kind aws.iam.role.
type IAMRole struct {
	Name                string            `json:"name"`
	Path                string            `json:"path"`
	AssumeRolePolicy    *PolicyDocument   `json:"assume_role_policy"`
	InlinePolicies      []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies    []string          `json:"attached_policies" doc:"managed policy ARNs"`
	PermissionsBoundary string            `json:"permissions_boundary"`
	MaxSessionDuration  int               `json:"max_session_duration"`
}

// IAMUser is kind aws.iam.user.
type IAMUser struct {
	Name             string            `json:"name"`
	Path             string            `json:"path"`
	InlinePolicies   []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
	Groups           []string          `json:"groups"`
	LoginProfile     bool              `json:"login_profile" doc:"the user has a console password"`
	MFAEnabled       *bool             `json:"mfa_enabled" doc:"null when not known (IaC)"`
	AccessKeys       []IAMAccessKey    `json:"access_keys"`
	// PasswordUnusedDays is 0 for a user without a console password.
	PasswordUnusedDays int `json:"password_unused_days" doc:"days since the console password was last used, or since it was set when it was never used (the credential report); unknown in IaC"`
}

// IAMAccessKey is one access key of a user.
type IAMAccessKey struct {
	ID       string `json:"id"`
	Active   bool   `json:"active"`
	AgeDays  int    `json:"age_days"`
	LastUsed string `json:"last_used"`
	// UnusedDays follows the credential report: a key never used counts
	// from its creation.
	UnusedDays int `json:"unused_days" doc:"days since the key was last used, or since it was created when it was never used"`
}

// IAMGroup is kind aws.iam.group.
type IAMGroup struct {
	Name             string            `json:"name"`
	InlinePolicies   []IAMInlinePolicy `json:"inline_policies"`
	AttachedPolicies []string          `json:"attached_policies"`
}

// IAMOIDCProvider is kind aws.iam.oidc_provider: an OpenID Connect
// identity provider that roles can trust for web identities.
type IAMOIDCProvider struct {
	URL         string   `json:"url" doc:"issuer without https://, e.g. token.actions.githubusercontent.com"`
	ClientIDs   []string `json:"client_ids" doc:"allowed audiences"`
	Thumbprints []string `json:"thumbprints" doc:"server certificate thumbprints"`
}

// IAMSAMLProvider is kind aws.iam.saml_provider.
type IAMSAMLProvider struct {
	Name       string `json:"name"`
	ValidUntil string `json:"valid_until" doc:"metadata expiry, RFC 3339; empty when not known"`
}

// IAMServerCertificate is kind aws.iam.server_certificate: a certificate
// uploaded to IAM for load balancers or CloudFront (ACM's are aws.acm.certificate).
type IAMServerCertificate struct {
	Name       string `json:"name"`
	Path       string `json:"path"`
	Expiration string `json:"expiration" doc:"the certificate's notAfter, RFC 3339"`
	Expired    bool   `json:"expired" doc:"the expiration has passed at the time of the scan"`
}
