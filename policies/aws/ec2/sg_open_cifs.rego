# METADATA
# title: Security group allows CIFS/SMB (port 445) from the internet
# description: >-
#   An ingress rule allows TCP port 445, where Windows file sharing (CIFS/SMB) listens, from
#   0.0.0.0/0 or ::/0. SMB exposed to the internet is a classic path for worms, ransomware and
#   credential relaying. CIS AWS Foundations asks that CIFS be reachable only from trusted
#   networks (5.0 5.1.2, 7.0 6.1.2). A rule for all protocols or a port range that spans 445
#   counts.
# custom:
#   id: AWS-EC2-100
#   severity: high
#   kinds: [aws.ec2.security_group]
#   remediation: Restrict the rule's source to the networks that use the file share (a VPC CIDR, a VPN range), or remove it; reach file shares over a VPN or Direct Connect.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     cis-aws-5.0: ["5.1.2"]
#     cis-aws-7.0: ["6.1.2"]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["CM-7", "SC-7"]
package vigil.rules.aws.ec2.sg_open_cifs

import data.vigil.lib.net

deny contains {"msg": msg, "path": sprintf("ingress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.ingress
	net.tcp_port_in_rule(rule, 445)
	some [p, cidr] in net.world_cidr_pairs(rule)
	msg := sprintf("security group %s ingress rule %d allows CIFS/SMB (port 445) from %s", [input.name, i, cidr])
}
