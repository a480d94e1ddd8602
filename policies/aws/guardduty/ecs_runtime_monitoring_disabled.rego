# METADATA
# title: "GuardDuty runtime monitoring of ECS on Fargate is not enabled"
# description: >-
#   On Fargate only GuardDuty can place its security agent beside a task; without automated agent management for ECS, Fargate tasks send no runtime events and their compromise raises no runtime finding.
# custom:
#   id: AWS-GD-027
#   severity: low
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable RUNTIME_MONITORING with the additional configuration ECS_FARGATE_AGENT_MANAGEMENT set to ENABLED on the detector (aws_guardduty_detector_feature additional_configuration; CloudFormation Features AdditionalConfiguration), or for the organization's members.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/how-runtime-monitoring-works-ecs-fargate.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-12]
#   compliance:
#     aws-fsbp: ["GuardDuty.12"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.ecs_runtime_monitoring_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have ECS Fargate runtime monitoring with the agent managed by GuardDuty enabled", [object.get(input, "name", input.id)]), "path": "ecs_runtime_monitoring"} if {
	input.attributes.ecs_runtime_monitoring == false
}
