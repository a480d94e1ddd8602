# METADATA
# title: KMS key policy grants access to another AWS account
# description: >-
#   A key policy statement that allows principals of another account lets that account use (or
#   manage) the key within what the statement allows, and delegate it further to its own users and
#   roles through IAM. Such a grant should be deliberate and limited to the actions the other
#   account needs. Public grants ("*") are AWS-KMS-002. The key's own account is known only to a
#   live read: Terraform and CloudFormation give no verdict when the policy names an account.
# custom:
#   id: AWS-KMS-021
#   severity: medium
#   kinds: [aws.kms.key]
#   remediation: Remove the other account from the key policy, or limit its statement to the cryptographic actions it needs (never kms:* or key administration) and to the services it uses (kms:ViaService).
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-20"]
package vigil.rules.aws.kms.key_policy_other_account

import data.vigil.lib.iam

own_account := object.get(input, "account", "")

grants contains [i, j, acct] if {
	some i, stmt in input.attributes.policy.statements
	iam.is_allow(stmt)
	some j, p in object.get(object.get(stmt, "principals", {}), "AWS", [])
	acct := iam.account_of(p)
}

deny contains {"msg": msg, "path": sprintf("policy.statements[%d].principals.AWS[%d]", [i, j])} if {
	own_account != ""
	some [i, j, acct] in grants
	acct != own_account
	msg := sprintf("KMS key %s policy statement %d allows account %s", [input.name, i, acct])
}

deny contains {"msg": "the key's own account is not known, so an account its policy names cannot be told from it", "unknown": true} if {
	own_account == ""
	count(grants) > 0
}
