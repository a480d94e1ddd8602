# METADATA
# title: Internet-facing Application Load Balancer has no WAF
# description: An internet-facing ALB without an AWS WAF web ACL forwards common web attacks (SQL injection, XSS, bad bots) straight to the application.
# custom:
#   id: AWS-ELB-001
#   severity: medium
#   kinds: [aws.elbv2.load_balancer]
#   remediation: Associate a WAFv2 web ACL with the load balancer (aws_wafv2_web_acl_association) using at least the AWS managed core rule set.
#   references: [https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html]
#   compliance:
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: ["SC-7", "SI-3"]
package vigil.rules.aws.elb.alb_no_waf

deny contains {"msg": msg, "path": "waf_web_acl"} if {
	input.attributes.type == "application"
	input.attributes.internet_facing == true
	input.attributes.waf_web_acl == ""
	msg := sprintf("internet-facing ALB %s has no WAF web ACL", [input.name])
}
