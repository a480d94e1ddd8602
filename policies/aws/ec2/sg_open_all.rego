# METADATA
# title: Security group allows all traffic from the internet
# description: An ingress rule opens every port and protocol to 0.0.0.0/0 or ::/0, exposing every service of every attached resource to the internet.
# custom:
#   id: AWS-EC2-001
#   severity: critical
#   kinds: [aws.ec2.security_group]
#   remediation: Remove the rule, or restrict it to the ports the service needs and to known source ranges or security groups.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     nist-800-53-r5: ["AC-4", "SC-7", "CM-7"]
package vigil.rules.aws.ec2.sg_open_all

import data.vigil.lib.net

deny contains {"msg": msg, "path": sprintf("ingress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.ingress
	net.all_ports(rule)
	some [p, cidr] in net.world_cidr_pairs(rule)
	msg := sprintf("security group %s ingress rule %d allows all ports and protocols from %s", [input.name, i, cidr])
}
