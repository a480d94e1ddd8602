# METADATA
# title: S3 bucket sends no event notifications
# description: >-
#   A bucket without event notifications tells no one when objects are created, deleted, restored
#   or replicated: changes to the data (a mass deletion, an unexpected upload) go unseen until
#   someone looks. Notifications to an SNS topic, an SQS queue, a Lambda function or EventBridge let
#   monitoring react to them.
# custom:
#   id: AWS-S3-024
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Send the bucket's events to EventBridge (aws_s3_bucket_notification eventbridge = true; NotificationConfiguration.EventBridgeConfiguration) or to a topic, queue or function that watches them.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html, https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-11]
#   compliance:
#     aws-fsbp: ["S3.11"]
#     nist-800-53-r5: ["SI-4"]
package vigil.rules.aws.s3.event_notifications_disabled

deny contains {"msg": msg, "path": "event_notifications"} if {
	input.attributes.event_notifications == 0
	msg := sprintf("bucket %s sends no event notifications", [input.name])
}
