# METADATA
# title: "EventBridge event bus policy allows any principal"
# description: "A bus policy that allows Principal \"*\" without a condition pinning the caller (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn ...) lets any AWS account put events on the bus, which triggers its rules and their targets with attacker-chosen input, or manage rules on it."
# custom:
#   id: AWS-EB-001
#   severity: high
#   kinds: [aws.eventbridge.event_bus]
#   remediation: "Name the accounts or organizations allowed in the bus policy's Principal, or add a condition such as aws:PrincipalOrgID; remove statements that grant \"*\" (aws events remove-permission, or the Terraform/CloudFormation bus policy)."
#   references: [https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-6"]
#     pci-dss-4.0: ["7.2.1"]
package vigil.rules.aws.eventbridge.bus_policy_public

import data.vigil.lib.iam

deny contains {"msg": sprintf("event bus %s policy statement %d allows %v to any principal", [object.get(input, "name", input.id), i, stmt.actions]), "path": sprintf("policy.statements[%d]", [i])} if {
	some i in iam.public_statements(input.attributes.policy)
	stmt := input.attributes.policy.statements[i]
}
