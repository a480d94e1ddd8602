# METADATA
# title: "DynamoDB point-in-time recovery is disabled"
# description: "Without point-in-time recovery an accidental write or delete cannot be undone to an exact second within the last 35 days."
# custom:
#   id: AWS-DDB-001
#   severity: medium
#   kinds: [aws.dynamodb.table]
#   remediation: "Add point_in_time_recovery { enabled = true } to the table."
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html]
#   compliance:
#     nist-800-53-r5: ["CP-9"]
package vigil.rules.aws.dynamodb.pitr_disabled

deny contains {"msg": sprintf("DynamoDB table %s has point-in-time recovery disabled", [object.get(input, "name", input.id)]), "path": "point_in_time_recovery"} if {
	not input.attributes.point_in_time_recovery
}
