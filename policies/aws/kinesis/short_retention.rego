# METADATA
# title: "Kinesis data stream keeps records less than 7 days"
# description: "At the default 24 hours, records that a failed or paused consumer has not read are lost after a day; a retention of at least 168 hours leaves time to recover and to investigate an incident from the stream."
# custom:
#   id: AWS-KINESIS-002
#   severity: low
#   kinds: [aws.kinesis.stream]
#   remediation: "Raise the retention period to at least 168 hours: retention_period in Terraform, RetentionPeriodHours in CloudFormation, or IncreaseStreamRetentionPeriod."
#   references: [https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html, https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html]
#   compliance:
#     aws-fsbp: ["Kinesis.3"]
#     nist-800-53-r5: ["CP-9", "SI-12"]
package vigil.rules.aws.kinesis.short_retention

deny contains {"msg": sprintf("Kinesis stream %s keeps records %d hours (less than 168)", [object.get(input, "name", input.id), input.attributes.retention_period_hours]), "path": "retention_period_hours"} if {
	input.attributes.retention_period_hours < 168
}
