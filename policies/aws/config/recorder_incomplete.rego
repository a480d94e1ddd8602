# METADATA
# title: "AWS Config recorder does not record all resources"
# description: "A stopped recorder, or one that skips resource types or global (IAM) resources, leaves gaps in the configuration history needed for audits and investigations."
# custom:
#   id: AWS-CONFIG-001
#   severity: medium
#   kinds: [aws.config.recorder]
#   remediation: "Set recording_group { all_supported = true, include_global_resource_types = true } and start the recorder with aws_config_configuration_recorder_status is_enabled = true."
#   references: [https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html]
#   compliance:
#     cis-aws-3.0: ["3.3"]
#     cis-aws-5.0: ["3.3"]
#     cis-aws-7.0: ["4.3"]
#     nist-800-53-r5: ["CM-8", "AU-12"]
package vigil.rules.aws.config.recorder_incomplete

deny contains {"msg": sprintf("AWS Config recorder %s is not recording", [object.get(input, "name", input.id)]), "path": "recording"} if {
	not input.attributes.recording
}

deny contains {"msg": sprintf("AWS Config recorder %s records only selected resource types", [object.get(input, "name", input.id)]), "path": "all_supported"} if {
	not input.attributes.all_supported
}

deny contains {"msg": sprintf("AWS Config recorder %s does not record global resources such as IAM", [object.get(input, "name", input.id)]), "path": "include_global_resource_types"} if {
	not input.attributes.include_global_resource_types
}
