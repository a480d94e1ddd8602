# METADATA
# title: WAF web ACL has no rules
# description: >-
#   A web ACL without rules applies only its default action to every request: attached to a load
#   balancer, API or distribution it looks like protection and inspects nothing.
# custom:
#   id: AWS-WAF-002
#   severity: medium
#   kinds: [aws.wafv2.web_acl]
#   remediation: Add rules to the web ACL, e.g. the AWS managed rule groups for common and known-bad inputs, and a rate-based rule.
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html]
#   compliance:
#     nist-800-53-r5: ["SC-7", "SI-4"]
#     pci-dss-4.0: ["6.4.2"]
package vigil.rules.aws.wafv2.web_acl_empty

deny contains {"msg": msg, "path": "rules"} if {
	input.attributes.rules == 0
	msg := sprintf("web ACL %s has no rules: every request gets its default action (%s)", [input.attributes.name, input.attributes.default_action])
}
