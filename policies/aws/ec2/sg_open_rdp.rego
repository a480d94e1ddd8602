# METADATA
# title: Security group allows RDP (port 3389) from the internet
# description: An ingress rule allows port 3389 (RDP) from 0.0.0.0/0 or ::/0, exposing remote administration to brute force and exploits from anywhere.
# custom:
#   id: AWS-EC2-003
#   severity: high
#   kinds: [aws.ec2.security_group]
#   remediation: Restrict the rule's source to known administrative ranges, or use SSM Session Manager / a bastion instead of opening port 3389.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     cis-aws-3.0: ["5.2", "5.3"]
#     cis-aws-5.0: ["5.3", "5.4"]
#     cis-aws-7.0: ["6.3", "6.4"]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["AC-17", "SC-7"]
package vigil.rules.aws.ec2.sg_open_rdp

import data.vigil.lib.net

deny contains {"msg": msg, "path": sprintf("ingress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.ingress
	net.tcp_port_in_rule(rule, 3389)
	some [p, cidr] in net.world_cidr_pairs(rule)
	msg := sprintf("security group %s ingress rule %d allows RDP (port 3389) from %s", [input.name, i, cidr])
}
