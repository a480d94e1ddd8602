# METADATA
# title: "DynamoDB table policy allows any principal"
# description: >-
#   A resource policy statement that allows "*" without a condition restricting the caller (source account, organization, VPC endpoint ...) lets principals of any AWS account read or change the table's items as the statement's actions permit.
# custom:
#   id: AWS-DDB-021
#   severity: high
#   kinds: [aws.dynamodb.table]
#   remediation: >-
#     Name the accounts or roles that need the table in its resource policy (aws_dynamodb_resource_policy; ResourcePolicy), or restrict the statement with aws:PrincipalOrgID or aws:PrincipalAccount.
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html, https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-bpa-rbp.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-21"]
package vigil.rules.aws.dynamodb.policy_public

import data.vigil.lib.iam

deny contains {"msg": msg, "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
	msg := sprintf("DynamoDB table %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions])
}
