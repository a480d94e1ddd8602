# METADATA
# title: "GuardDuty Runtime Monitoring is not enabled"
# description: >-
#   Without Runtime Monitoring GuardDuty sees no operating-system events (processes, file access, network connections) of EKS, ECS and EC2 workloads, so container escapes, reverse shells and malicious processes raise no finding.
# custom:
#   id: AWS-GD-025
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable the RUNTIME_MONITORING feature on the detector (aws_guardduty_detector_feature name = "RUNTIME_MONITORING", status = "ENABLED"; CloudFormation Features), or for every member account through the organization configuration.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-11]
#   compliance:
#     aws-fsbp: ["GuardDuty.11"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.runtime_monitoring_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have Runtime Monitoring enabled", [object.get(input, "name", input.id)]), "path": "runtime_monitoring"} if {
	input.attributes.runtime_monitoring == false
}
