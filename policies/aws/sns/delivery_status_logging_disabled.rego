# METADATA
# title: "SNS topic does not log failed deliveries to its subscribers"
# description: >-
#   Without delivery status logging for the protocol of a subscription (SQS, Lambda, HTTP/S, Firehose, mobile push), messages that SNS fails to deliver leave no record in CloudWatch Logs: lost notifications, and a subscriber made unreachable on purpose, go unnoticed.
# custom:
#   id: AWS-SNS-030
#   severity: low
#   kinds: [aws.sns.topic]
#   remediation: >-
#     Set the failure feedback role (and a success sample rate) for each protocol the topic delivers to: sqs_failure_feedback_role_arn, lambda_failure_feedback_role_arn, http_failure_feedback_role_arn ... (CloudFormation DeliveryStatusLogging).
#   references: [https://docs.aws.amazon.com/sns/latest/dg/sns-topic-attributes.html, https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-2]
#   compliance:
#     aws-fsbp: ["SNS.2"]
#     nist-800-53-r5: ["AU-12", "SI-4"]
package vigil.rules.aws.sns.delivery_status_logging_disabled

# The protocols SNS logs delivery status for; https shares http's role.
feedback := {"application": "application", "firehose": "firehose", "http": "http", "https": "http", "lambda": "lambda", "sqs": "sqs"}

deny contains {"msg": msg, "path": "delivery_status_logging"} if {
	some p in input.attributes.subscription_protocols
	f := feedback[p]
	not f in input.attributes.delivery_status_logging
	msg := sprintf("SNS topic %s delivers over %s without logging failed deliveries", [object.get(input, "name", input.id), p])
}
