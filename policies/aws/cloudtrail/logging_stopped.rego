# METADATA
# title: CloudTrail trail is not logging
# description: The trail exists but logging is stopped, so no API activity is recorded; stopping a trail is a classic step in covering an attacker's tracks.
# custom:
#   id: AWS-CT-005
#   severity: high
#   kinds: [aws.cloudtrail.trail]
#   remediation: Set enable_logging = true (or run aws cloudtrail start-logging).
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html]
#   compliance:
#     cis-aws-3.0: ["3.1"]
#     cis-aws-5.0: ["3.1"]
#     cis-aws-7.0: ["4.1"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.cloudtrail.logging_stopped

deny contains {"msg": msg, "path": "is_logging"} if {
	input.attributes.is_logging == false
	msg := sprintf("trail %s has logging stopped", [input.name])
}
