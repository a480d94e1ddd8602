# METADATA
# title: "GuardDuty EKS Audit Log Monitoring is not enabled"
# description: >-
#   Without EKS Audit Log Monitoring GuardDuty does not read the Kubernetes audit logs of the region's EKS clusters, so anonymous access, privileged pod creation and credential theft through the API server raise no finding.
# custom:
#   id: AWS-GD-021
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable the EKS_AUDIT_LOGS feature on the detector (aws_guardduty_detector_feature name = "EKS_AUDIT_LOGS", status = "ENABLED"; CloudFormation Features), or for every member account through the organization configuration.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-5]
#   compliance:
#     aws-fsbp: ["GuardDuty.5"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.eks_audit_logs_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have EKS Audit Log Monitoring enabled", [object.get(input, "name", input.id)]), "path": "eks_audit_logs"} if {
	input.attributes.eks_audit_logs == false
}
