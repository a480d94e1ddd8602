# METADATA
# title: CloudWatch alarm notifies no one
# description: >-
#   An alarm whose actions are disabled, or that has no action for the ALARM state, changes
#   state silently: the condition it was built to catch (a security metric filter's match, an
#   outage) reaches no person or system.
# custom:
#   id: AWS-CW-040
#   severity: medium
#   kinds: [aws.cloudwatch.alarm]
#   remediation: Give the alarm an action for the ALARM state (an SNS topic with a subscriber, alarm_actions / AlarmActions) and keep its actions enabled.
#   references: [https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html, https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-15]
#   compliance:
#     aws-fsbp: ["CloudWatch.15", "CloudWatch.17"]
#     nist-800-53-r5: ["AU-6", "SI-4", "IR-4"]
package vigil.rules.aws.cloudwatch.alarm_without_actions

deny contains {"msg": sprintf("alarm %s has its actions disabled", [input.attributes.name]), "path": "actions_enabled"} if {
	input.attributes.actions_enabled == false
}

deny contains {"msg": sprintf("alarm %s has no action for the ALARM state", [input.attributes.name]), "path": "alarm_actions"} if {
	input.attributes.actions_enabled == true
	input.attributes.alarm_actions == 0
}
