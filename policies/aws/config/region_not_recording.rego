# METADATA
# title: "AWS Config is not recording in the region"
# description: "Without a recording configuration recorder, configuration changes in this region are not tracked, which hides drift and removes the change history investigations need."
# custom:
#   id: AWS-CONFIG-002
#   severity: medium
#   kinds: [aws.region]
#   reads: [config_recording]
#   remediation: "Create a configuration recorder and delivery channel in every region and start recording."
#   references: [https://docs.aws.amazon.com/config/latest/developerguide/gs-console.html]
#   compliance:
#     cis-aws-3.0: ["3.3"]
#     cis-aws-5.0: ["3.3"]
#     cis-aws-7.0: ["4.3"]
#     nist-800-53-r5: ["CM-8", "CM-3"]
package vigil.rules.aws.config.region_not_recording

# A region-wide fact that could not be read is null and decides nothing.
deny contains {"msg": sprintf("AWS Config is not recording in region %s", [input.name]), "path": "config_recording"} if {
	input.attributes.config_recording == false
}
