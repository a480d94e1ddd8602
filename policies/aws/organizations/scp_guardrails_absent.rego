# METADATA
# title: No service control policy of the organization's own is attached
# description: >-
#   The organization attaches no service control policy but the AWS managed FullAWSAccess one,
#   which allows everything: no guardrail limits what the member accounts' administrators may do
#   (leave the organization, stop logging, disable detection, use their root users). Policies
#   written but attached to no root, OU or account do not count. The rule judges the organization
#   as read from its management account (a live scan); an IaC configuration may declare only some
#   of the organization's policies and gets no verdict. No verdict when the policies or their
#   targets could not be read (a member account is denied them).
# custom:
#   id: AWS-ORG-001
#   severity: medium
#   kinds: [aws.organizations.organization]
#   remediation: >-
#     Write service control policies that deny what no member account should do (aws_organizations_policy)
#     and attach them to the root or to the OUs of the member accounts (aws_organizations_policy_attachment).
#   references:
#     - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
#     - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html
#   compliance:
#     cis-aws-7.0: ["2.1.2"]
#     nist-800-53-r5: ["AC-3", "AC-6"]
package vigil.rules.aws.organizations.scp_guardrails_absent

whole_organization := {"live", "snapshot"}

# own_scp_attached: a service control policy the organization wrote is
# attached to some root, OU or account.
own_scp_attached if {
	some arn in input.attributes.service_control_policies
	p := data.inventory.kinds["aws.organizations.policy"][arn]
	p.attributes.type == "SERVICE_CONTROL_POLICY"
	p.attributes.targets > 0
	not p.attributes.aws_managed
}

# unread_policy: a listed policy whose details could not be read.
unread_policy if {
	some arn in input.attributes.service_control_policies
	not data.inventory.kinds["aws.organizations.policy"][arn].id
}

deny contains {"msg": msg, "path": "service_control_policies"} if {
	whole_organization[input.source]
	not own_scp_attached
	not unread_policy
	msg := sprintf("organization %s attaches no service control policy but the AWS managed FullAWSAccess: no guardrail applies to its member accounts", [input.name])
}

deny contains {"msg": "an IaC configuration may declare only some of the organization's policies", "unknown": true} if {
	not whole_organization[input.source]
}

deny contains {"msg": "a service control policy of the organization could not be read", "unknown": true} if {
	whole_organization[input.source]
	not own_scp_attached
	unread_policy
}
