# METADATA
# title: Load balancer access logs are disabled
# description: Without access logs there is no record of the requests the load balancer received, which is needed to investigate attacks.
# custom:
#   id: AWS-ELB-004
#   severity: low
#   kinds: [aws.elbv2.load_balancer, aws.elb.load_balancer]
#   remediation: Add an access_logs block with enabled = true and an S3 bucket.
#   references: [https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html]
#   compliance:
#     cis-aws-7.0: ["4.10"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.elb.access_logs_disabled

deny contains {"msg": msg, "path": "access_logs_enabled"} if {
	object.get(input.attributes, "type", "application") != "gateway"
	input.attributes.access_logs_enabled == false
	msg := sprintf("load balancer %s has access logs disabled", [input.name])
}
