# METADATA
# title: "GuardDuty is not enabled in the region"
# description: "Without an enabled GuardDuty detector, threats in this region (credential exfiltration, crypto-mining, reconnaissance) go undetected."
# custom:
#   id: AWS-GD-002
#   severity: medium
#   kinds: [aws.region]
#   reads: [guardduty_enabled]
#   remediation: "Enable a GuardDuty detector in every region, ideally through the organization's delegated administrator."
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html]
#   compliance:
#     aws-fsbp: ["GuardDuty.1"]
#     nist-800-53-r5: ["SI-4"]
package vigil.rules.aws.guardduty.region_disabled

# A region-wide fact that could not be read is null and decides nothing.
deny contains {"msg": sprintf("GuardDuty is not enabled in region %s", [input.name]), "path": "guardduty_enabled"} if {
	input.attributes.guardduty_enabled == false
}
