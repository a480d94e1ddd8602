# METADATA
# title: "GuardDuty Lambda Protection is not enabled"
# description: >-
#   Without Lambda Protection GuardDuty does not watch the network activity of Lambda functions, so a function turned to crypto-mining or talking to a command-and-control server raises no finding.
# custom:
#   id: AWS-GD-024
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: >-
#     Enable the LAMBDA_NETWORK_LOGS feature on the detector (aws_guardduty_detector_feature name = "LAMBDA_NETWORK_LOGS", status = "ENABLED"; CloudFormation Features), or for every member account through the organization configuration.
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/lambda-protection.html, https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-6]
#   compliance:
#     aws-fsbp: ["GuardDuty.6"]
#     nist-800-53-r5: ["SI-4", "SI-3"]
package vigil.rules.aws.guardduty.lambda_protection_disabled

# Null (the plan is not offered in the region, or IaC leaves it to AWS) is
# unknown and decides nothing.
deny contains {"msg": sprintf("GuardDuty detector %s does not have Lambda Protection (Lambda network activity) enabled", [object.get(input, "name", input.id)]), "path": "lambda_protection"} if {
	input.attributes.lambda_protection == false
}
