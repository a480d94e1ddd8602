# METADATA
# title: "DynamoDB table has no deletion protection"
# description: >-
#   Without deletion protection one DeleteTable call, by mistake, by a faulty pipeline or by an attacker, removes the table and its items at once (point-in-time recovery is deleted with the table after its last snapshot).
# custom:
#   id: AWS-DDB-020
#   severity: medium
#   kinds: [aws.dynamodb.table]
#   remediation: >-
#     Set deletion_protection_enabled = true on the aws_dynamodb_table (DeletionProtectionEnabled: true).
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection, https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6]
#   compliance:
#     aws-fsbp: ["DynamoDB.6"]
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.dynamodb.deletion_protection_disabled

deny contains {"msg": sprintf("DynamoDB table %s has no deletion protection", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	input.attributes.deletion_protection == false
}
