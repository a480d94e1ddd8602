# METADATA
# title: CloudTrail log file validation is disabled
# description: Without log file validation, deleted or modified CloudTrail log files cannot be detected.
# custom:
#   id: AWS-CT-002
#   severity: medium
#   kinds: [aws.cloudtrail.trail]
#   remediation: Set enable_log_file_validation = true.
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html]
#   compliance:
#     cis-aws-3.0: ["3.2"]
#     cis-aws-5.0: ["3.2"]
#     cis-aws-7.0: ["4.2"]
#     pci-dss-4.0: ["10.3.4"]
#     nist-800-53-r5: ["AU-9", "SI-7"]
package vigil.rules.aws.cloudtrail.log_validation

deny contains {"msg": msg, "path": "log_file_validation_enabled"} if {
	input.attributes.log_file_validation_enabled == false
	msg := sprintf("trail %s has log file validation disabled", [input.name])
}
