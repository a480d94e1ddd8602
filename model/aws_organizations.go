package model

// Kinds of this service.
var (
	KindOrganizationsPolicy = NewKind[OrganizationsPolicy]("aws.organizations.policy", "AWS Organizations service control policy")
)

// OrganizationsPolicy is kind aws.organizations.policy (a service control
// policy, read from the management account).
type OrganizationsPolicy struct {
	Name     string          `json:"name"`
	Type     string          `json:"type" doc:"SERVICE_CONTROL_POLICY"`
	Document *PolicyDocument `json:"document"`
	Targets  int             `json:"targets" doc:"number of roots, OUs and accounts it is attached to"`
}
