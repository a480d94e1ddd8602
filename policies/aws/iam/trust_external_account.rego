# METADATA
# title: IAM role trusts another account without an external ID
# description: The trust policy lets principals of another AWS account assume the role without an sts:ExternalId condition, exposing it to the confused-deputy problem when that account is a third party.
# custom:
#   id: AWS-IAM-004
#   severity: medium
#   kinds: [aws.iam.role]
#   remediation: Add a Condition StringEquals sts:ExternalId to statements that trust third-party accounts, or trust specific roles of your own organization.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-20"]
package vigil.rules.aws.iam.trust_external_account

import data.vigil.lib.iam

own_account := object.get(input, "account", "")

external(acct) if own_account == ""

external(acct) if {
	own_account != ""
	acct != own_account
}

deny contains {"msg": msg, "path": sprintf("assume_role_policy.statements[%d].principals.AWS[%d]", [i, j])} if {
	doc := input.attributes.assume_role_policy
	doc != null
	some i, stmt in doc.statements
	iam.is_allow(stmt)
	iam.action_matches(object.get(stmt, "actions", []), "sts:AssumeRole")
	not iam.has_condition_key(stmt, "sts:externalid")
	some j, p in object.get(object.get(stmt, "principals", {}), "AWS", [])
	acct := iam.account_of(p)
	external(acct)
	msg := sprintf("role %s trusts account %s (%s) without an sts:ExternalId condition", [input.name, acct, p])
}
