# METADATA
# title: "Athena workgroup lets queries override its settings"
# description: "When the workgroup configuration is not enforced, each client chooses its own result location and encryption, so the workgroup's encryption and location controls are advisory."
# custom:
#   id: AWS-ATHENA-002
#   severity: medium
#   kinds: [aws.athena.workgroup]
#   remediation: "Set enforce_workgroup_configuration = true."
#   references: [https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html]
#   compliance:
#     nist-800-53-r5: ["CM-6"]
package vigil.rules.aws.athena.configuration_not_enforced

deny contains {"msg": sprintf("Athena workgroup %s does not enforce its configuration on queries", [object.get(input, "name", input.id)]), "path": "enforce_configuration"} if {
	not input.attributes.enforce_configuration
}
