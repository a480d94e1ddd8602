# METADATA
# title: CloudTrail trail is not integrated with CloudWatch Logs
# description: Without delivery to CloudWatch Logs, API activity cannot drive real-time metric filters and alarms (root use, IAM changes, console logins without MFA).
# custom:
#   id: AWS-CT-004
#   severity: low
#   kinds: [aws.cloudtrail.trail]
#   remediation: Set cloud_watch_logs_group_arn ("${aws_cloudwatch_log_group.trail.arn}:*") and cloud_watch_logs_role_arn.
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html]
#   compliance:
#     pci-dss-4.0: ["10.4.1"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
package vigil.rules.aws.cloudtrail.no_cloudwatch

deny contains {"msg": msg, "path": "cloudwatch_logs_group_arn"} if {
	input.attributes.cloudwatch_logs_group_arn == ""
	msg := sprintf("trail %s does not deliver to CloudWatch Logs", [input.name])
}
