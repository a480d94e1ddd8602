# METADATA
# title: "GuardDuty RDS Protection is not enabled"
# description: >-
#   Without RDS Protection GuardDuty does not profile login activity on Aurora databases, so brute force and logins from unusual or malicious sources raise no finding.
# custom:
#   id: AWS-GD-023
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable the RDS_LOGIN_EVENTS feature on the detector (aws_guardduty_detector_feature name = "RDS_LOGIN_EVENTS", status = "ENABLED"; CloudFormation Features), or for every member account through the organization configuration.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/rds-protection.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-9]
#   compliance:
#     aws-fsbp: ["GuardDuty.9"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.rds_protection_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have RDS Protection (Aurora login events) enabled", [object.get(input, "name", input.id)]), "path": "rds_protection"} if {
	input.attributes.rds_protection == false
}
