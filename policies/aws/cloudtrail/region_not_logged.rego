# METADATA
# title: "No CloudTrail trail logs the region"
# description: "No logging trail covers this region: neither a multi-region trail nor one homed here, so API activity in the region leaves no audit record."
# custom:
#   id: AWS-CT-006
#   severity: high
#   kinds: [aws.region]
#   reads: [cloudtrail_logging]
#   remediation: "Create a multi-region trail (is_multi_region_trail = true) and keep it logging."
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html]
#   compliance:
#     cis-aws-3.0: ["3.1"]
#     cis-aws-5.0: ["3.1"]
#     cis-aws-7.0: ["4.1"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.cloudtrail.region_not_logged

# A region-wide fact that could not be read is null and decides nothing.
deny contains {"msg": sprintf("region %s has no CloudTrail trail logging its API activity", [input.name]), "path": "cloudtrail_logging"} if {
	input.attributes.cloudtrail_logging == false
}
