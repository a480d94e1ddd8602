# METADATA
# title: "GuardDuty S3 Protection is not enabled"
# description: >-
#   Without S3 Protection GuardDuty does not analyse S3 data events, so object reads and deletions by stolen credentials, from Tor or from known malicious addresses raise no finding.
# custom:
#   id: AWS-GD-020
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable the S3_DATA_EVENTS feature on the detector (aws_guardduty_detector_feature name = "S3_DATA_EVENTS", status = "ENABLED"; CloudFormation Features), or for every member account through the organization configuration.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-10]
#   compliance:
#     aws-fsbp: ["GuardDuty.10"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.s3_protection_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have S3 Protection (S3 data events) enabled", [object.get(input, "name", input.id)]), "path": "s3_protection"} if {
	input.attributes.s3_protection == false
}
