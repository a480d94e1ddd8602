# METADATA
# title: WAF web ACL does not log requests
# description: >-
#   Without logging, the requests a web ACL allowed or blocked leave no record: an attack it
#   stopped cannot be studied, and one it let through cannot be traced.
# custom:
#   id: AWS-WAF-001
#   severity: low
#   kinds: [aws.wafv2.web_acl]
#   remediation: Turn on logging for the web ACL to CloudWatch Logs, S3 or Firehose (aws_wafv2_web_acl_logging_configuration), redacting sensitive fields.
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/logging.html]
#   compliance:
#     nist-800-53-r5: ["AU-2", "AU-12", "SI-4"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.wafv2.web_acl_logging

deny contains {"msg": msg, "path": "logging_enabled"} if {
	input.attributes.logging_enabled == false
	msg := sprintf("web ACL %s does not log the requests it inspects", [input.attributes.name])
}
