# METADATA
# title: Test rule - GuardDuty off
# custom:
#   id: TEST-GD-001
#   severity: medium
#   kinds: [aws.region]
#   reads: [guardduty_enabled]
package vigil.rules.test.region.gd

deny contains {"msg": "off", "path": "guardduty_enabled"} if input.attributes.guardduty_enabled == false
