# METADATA
# title: Load balancer has no deletion protection
# description: >-
#   Without deletion protection, one mistaken or malicious DeleteLoadBalancer call takes the
#   application, network or gateway load balancer, and everything behind it, off the network.
# custom:
#   id: AWS-ELB-020
#   severity: low
#   kinds: [aws.elbv2.load_balancer]
#   remediation: Enable deletion protection (enable_deletion_protection = true; the deletion_protection.enabled attribute).
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection, https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6]
#   compliance:
#     aws-fsbp: ["ELB.6"]
#     nist-800-53-r5: ["CM-3", "SC-5"]
package vigil.rules.aws.elb.deletion_protection_disabled

deny contains {"msg": sprintf("load balancer %s can be deleted without first turning off deletion protection", [input.attributes.name]), "path": "deletion_protection"} if {
	input.attributes.deletion_protection == false
}
