# METADATA
# title: "GuardDuty detector is disabled"
# description: "A suspended detector stops analysing CloudTrail, VPC flow and DNS logs, so compromised credentials and instances go unnoticed."
# custom:
#   id: AWS-GD-001
#   severity: medium
#   kinds: [aws.guardduty.detector]
#   remediation: "Set enable = true on the aws_guardduty_detector (the default)."
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html]
#   compliance:
#     pci-dss-4.0: ["11.5.1"]
#     nist-800-53-r5: ["SI-4"]
package vigil.rules.aws.guardduty.detector_disabled

deny contains {"msg": sprintf("GuardDuty detector %s is disabled", [object.get(input, "name", input.id)]), "path": "enabled"} if {
	not input.attributes.enabled
}
