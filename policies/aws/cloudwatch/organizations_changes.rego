# METADATA
# title: No metric filter and alarm for AWS Organizations changes
# description: >-
#   CIS AWS Foundations 4.15 asks for real-time alerting on AWS Organizations changes: a multi-region,
#   logging CloudTrail trail delivers to a CloudWatch Logs group, a metric filter of that group
#   matches those events, and an alarm on the filter's metric notifies an SNS topic with a
#   subscriber. The verdict lands on each trail, the one kind a live scan and Terraform both
#   have, and says whether the trail's account has that pipeline (any of its trails may carry
#   it). The filter's pattern is compared by its normalized conditions, not as text. No
#   verdict when a trail delivers to a log group outside the scanned inventory, or when log
#   groups, filters, alarms or topics of the account could not be read.
# custom:
#   id: AWS-CW-015
#   severity: low
#   kinds: [aws.cloudtrail.trail]
#   remediation: >-
#     Create a metric filter on the trail's log group with the CIS pattern (aws_cloudwatch_log_metric_filter),
#     an alarm on its metric (aws_cloudwatch_metric_alarm) whose alarm_actions name an SNS topic,
#     and a subscription to that topic (aws_sns_topic_subscription).
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html]
#   compliance:
#     cis-aws-3.0: ["4.15"]
#     cis-aws-5.0: ["4.15"]
#     cis-aws-7.0: ["5.15"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     pci-dss-4.0: ["10.4.1"]
package vigil.rules.aws.cloudwatch.organizations_changes

import data.vigil.lib.monitoring

# required are the normalized conditions the filter must hold (CIS: { ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }).
required := {
	"$.eventName = AcceptHandshake",
	"$.eventName = AttachPolicy",
	"$.eventName = CreateAccount",
	"$.eventName = CreateOrganizationalUnit",
	"$.eventName = CreatePolicy",
	"$.eventName = DeclineHandshake",
	"$.eventName = DeleteOrganization",
	"$.eventName = DeleteOrganizationalUnit",
	"$.eventName = DeletePolicy",
	"$.eventName = DetachPolicy",
	"$.eventName = DisablePolicyType",
	"$.eventName = EnablePolicyType",
	"$.eventName = InviteAccountToOrganization",
	"$.eventName = LeaveOrganization",
	"$.eventName = MoveAccount",
	"$.eventName = RemoveAccountFromOrganization",
	"$.eventName = UpdatePolicy",
	"$.eventName = UpdateOrganizationalUnit",
}

deny contains d if {
	some d in monitoring.violations(required, "AWS Organizations changes")
}
