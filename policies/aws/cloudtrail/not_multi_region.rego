# METADATA
# title: CloudTrail trail is not multi-region
# description: A single-region trail misses API activity in every other region, where an attacker can operate unseen.
# custom:
#   id: AWS-CT-001
#   severity: medium
#   kinds: [aws.cloudtrail.trail]
#   remediation: Set is_multi_region_trail = true (and include_global_service_events = true).
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html]
#   compliance:
#     cis-aws-3.0: ["3.1"]
#     cis-aws-5.0: ["3.1"]
#     cis-aws-7.0: ["4.1"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.cloudtrail.not_multi_region

deny contains {"msg": msg, "path": "is_multi_region"} if {
	input.attributes.is_multi_region == false
	msg := sprintf("trail %s records one region only", [input.name])
}
