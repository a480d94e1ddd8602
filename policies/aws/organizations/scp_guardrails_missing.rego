# METADATA
# title: The organization's service control policies lack common guardrails
# description: >-
#   No attached service control policy denies one or more of what member accounts should never do:
#   leave the organization (organizations:LeaveOrganization), stop or delete CloudTrail trails
#   (cloudtrail:StopLogging, cloudtrail:DeleteTrail), delete GuardDuty detectors
#   (guardduty:DeleteDetector), stop or delete the AWS Config recorder
#   (config:StopConfigurationRecorder, config:DeleteConfigurationRecorder), or use the root user
#   (a Deny whose condition matches aws:PrincipalArn arn:aws:iam::*:root). A Deny counts when its
#   Action or NotAction covers the actions and its conditions, if any, only exempt principals
#   (aws:PrincipalArn, aws:PrincipalTag ... the break-glass role); a Deny limited by region or
#   other request conditions does not. The finding names the missing guardrails. Live scans of the
#   management account only; an IaC configuration may declare only some of the policies and gets
#   no verdict; no verdict when the policies, their documents or their targets could not be read.
# custom:
#   id: AWS-ORG-002
#   severity: low
#   kinds: [aws.organizations.organization]
#   remediation: >-
#     Attach to the root (or to every OU of member accounts) a service control policy that denies
#     organizations:LeaveOrganization, cloudtrail:StopLogging and DeleteTrail, guardduty:DeleteDetector,
#     config:StopConfigurationRecorder and DeleteConfigurationRecorder, and every action of
#     arn:aws:iam::*:root, exempting only a break-glass role by aws:PrincipalArn if needed.
#   references:
#     - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
#     - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
#   compliance:
#     cis-aws-7.0: ["2.1.2"]
#     nist-800-53-r5: ["AC-3", "AU-9", "SI-4"]
package vigil.rules.aws.organizations.scp_guardrails_missing

import data.vigil.lib.iam

whole_organization := {"live", "snapshot"}

# families: each guardrail and the actions an attached Deny must cover.
families := {
	"leaving the organization": ["organizations:LeaveOrganization"],
	"stopping CloudTrail": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"],
	"deleting GuardDuty detectors": ["guardduty:DeleteDetector"],
	"stopping AWS Config": ["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"],
}

# covers: the statement's Action or NotAction takes in the action.
covers(st, action) if iam.action_matches(object.get(st, "actions", []), action)

covers(st, action) if {
	count(object.get(st, "not_actions", [])) > 0
	not iam.action_matches(st.not_actions, action)
}

# principal_exemption: a condition that only picks principals.
principal_exemption(c) if startswith(c.key, "aws:principal")

guardrail(st) if {
	iam.is_deny(st)
	every c in object.get(st, "conditions", []) {
		principal_exemption(c)
	}
}

attached_scp(p) if {
	p.attributes.type == "SERVICE_CONTROL_POLICY"
	p.attributes.targets > 0
}

# unread_policy: a listed policy whose details could not be read.
unread_policy if {
	some arn in input.attributes.service_control_policies
	not data.inventory.kinds["aws.organizations.policy"][arn].id
}

denied(action) if {
	some arn in input.attributes.service_control_policies
	p := data.inventory.kinds["aws.organizations.policy"][arn]
	attached_scp(p)
	some st in p.attributes.document.statements
	guardrail(st)
	covers(st, action)
}

root_pattern(v) if regex.match(`^arn:aws[a-z-]*:iam::(\*|[0-9]{12}):root$`, v)

# root_denied: an attached Deny applies to the root user of the accounts.
root_denied if {
	some arn in input.attributes.service_control_policies
	p := data.inventory.kinds["aws.organizations.policy"][arn]
	attached_scp(p)
	some st in p.attributes.document.statements
	iam.is_deny(st)
	some c in st.conditions
	c.key == "aws:principalarn"
	lower(c.operator) in {"stringlike", "stringequals", "arnlike", "arnequals"}
	some v in c.values
	root_pattern(v)
}

missing contains name if {
	some name, actions in families
	some action in actions
	not denied(action)
}

missing contains "using the root user" if not root_denied

deny contains {"msg": msg, "path": "service_control_policies"} if {
	whole_organization[input.source]
	count(missing) > 0
	not unread_policy
	msg := sprintf("no attached service control policy of organization %s denies %s", [input.name, concat(", ", sort(missing))])
}

deny contains {"msg": "an IaC configuration may declare only some of the organization's policies", "unknown": true} if {
	not whole_organization[input.source]
}

deny contains {"msg": "a service control policy of the organization could not be read", "unknown": true} if {
	whole_organization[input.source]
	count(missing) > 0
	unread_policy
}
