package model

// Kinds of this service.
var (
	KindOrganizationsPolicy       = NewKind[OrganizationsPolicy]("aws.organizations.policy", "AWS Organizations service control policy")
	KindOrganizationsOrganization = NewKind[OrganizationsOrganization]("aws.organizations.organization", "AWS Organizations organization, read from its management account")
)

// OrganizationsPolicy is kind aws.organizations.policy (a service control
// policy, read from the management account).
type OrganizationsPolicy struct {
	Name       string          `json:"name"`
	Type       string          `json:"type" doc:"SERVICE_CONTROL_POLICY"`
	AWSManaged bool            `json:"aws_managed" doc:"an AWS managed policy (FullAWSAccess), not one the organization wrote"`
	Document   *PolicyDocument `json:"document"`
	Targets    int             `json:"targets" doc:"number of roots, OUs and accounts it is attached to"`
}

// OrganizationsOrganization is kind aws.organizations.organization: one
// resource, in the management account's scan only (a member may describe
// the organization but not list its policies or administrators).
type OrganizationsOrganization struct {
	ID                      string                   `json:"id" doc:"o-..."`
	FeatureSet              string                   `json:"feature_set" doc:"ALL or CONSOLIDATED_BILLING (no SCPs)"`
	MasterAccountID         string                   `json:"master_account_id"`
	ServiceControlPolicies  []string                 `json:"service_control_policies" doc:"ARNs of its service control policies (aws.organizations.policy), attached or not"`
	DelegatedAdministrators []OrganizationsDelegated `json:"delegated_administrators" doc:"member accounts registered as delegated administrators, with their services"`
}

// OrganizationsDelegated is one delegated administrator account and the
// service principals it administers (guardduty.amazonaws.com ...).
type OrganizationsDelegated struct {
	AccountID         string   `json:"account_id"`
	ServicePrincipals []string `json:"service_principals"`
}
