# METADATA
# title: "EventBridge event bus policy grants another account"
# description: "A bus policy that names another AWS account lets principals of that account put events on the bus (or manage its rules): its rules and their targets then act on input the other account chooses. Review each such grant; in IaC, where the owning account is not known, every account named is reported."
# custom:
#   id: AWS-EB-002
#   severity: low
#   kinds: [aws.eventbridge.event_bus]
#   remediation: "Keep cross-account grants to accounts of your organization that need them (prefer a Principal \"*\" statement conditioned on aws:PrincipalOrgID), limit them to events:PutEvents, and remove the rest."
#   references: [https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-20"]
package vigil.rules.aws.eventbridge.bus_policy_cross_account

import data.vigil.lib.iam

own_account := object.get(input, "account", "")

external(acct) if own_account == ""

external(acct) if {
	own_account != ""
	acct != own_account
}

deny contains {"msg": sprintf("event bus %s policy statement %d grants account %s (%s)", [object.get(input, "name", input.id), i, acct, p]), "path": sprintf("policy.statements[%d].principals.AWS[%d]", [i, j])} if {
	doc := input.attributes.policy
	doc != null
	some i, stmt in doc.statements
	iam.is_allow(stmt)
	some j, p in object.get(object.get(stmt, "principals", {}), "AWS", [])
	acct := iam.account_of(p)
	regex.match(`^[0-9]{12}$`, acct) # not "*": a public grant is AWS-EB-001's
	external(acct)
}
