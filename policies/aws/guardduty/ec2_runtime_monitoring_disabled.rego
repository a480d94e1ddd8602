# METADATA
# title: "GuardDuty runtime monitoring of EC2 with automated agent management is not enabled"
# description: >-
#   When GuardDuty does not manage its security agent on EC2 instances (through SSM), runtime events reach it only from instances where someone installed the agent by hand; new instances go unwatched.
# custom:
#   id: AWS-GD-028
#   severity: low
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable RUNTIME_MONITORING with the additional configuration EC2_AGENT_MANAGEMENT set to ENABLED on the detector (aws_guardduty_detector_feature additional_configuration; CloudFormation Features AdditionalConfiguration), or for the organization's members.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/how-runtime-monitoring-works-ec2.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-13]
#   compliance:
#     aws-fsbp: ["GuardDuty.13"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.ec2_runtime_monitoring_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have EC2 runtime monitoring with the agent managed by GuardDuty enabled", [object.get(input, "name", input.id)]), "path": "ec2_runtime_monitoring"} if {
	input.attributes.ec2_runtime_monitoring == false
}
