# METADATA
# title: "GuardDuty runtime monitoring of EKS with automated agent management is not enabled"
# description: >-
#   When GuardDuty does not manage its security agent on EKS clusters, runtime events reach it only from clusters where someone installed and keeps updating the add-on by hand; new clusters go unwatched.
# custom:
#   id: AWS-GD-026
#   severity: low
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable RUNTIME_MONITORING with the additional configuration EKS_ADDON_MANAGEMENT set to ENABLED on the detector (aws_guardduty_detector_feature additional_configuration; CloudFormation Features AdditionalConfiguration), or for the organization's members.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/how-runtime-monitoring-works-eks.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-7]
#   compliance:
#     aws-fsbp: ["GuardDuty.7"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.eks_runtime_monitoring_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have EKS runtime monitoring with the agent managed by GuardDuty enabled", [object.get(input, "name", input.id)]), "path": "eks_runtime_monitoring"} if {
	input.attributes.eks_runtime_monitoring == false
}
