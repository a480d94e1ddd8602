# METADATA
# title: Security group allows all egress to the internet
# description: An egress rule allows every port and protocol to 0.0.0.0/0 or ::/0, so a compromised workload can exfiltrate data or reach command-and-control anywhere.
# custom:
#   id: AWS-EC2-015
#   severity: low
#   kinds: [aws.ec2.security_group]
#   remediation: Restrict egress to the ports and destinations the workload needs (e.g. 443 to VPC endpoints or a proxy).
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     pci-dss-4.0: ["1.3.2"]
#     nist-800-53-r5: ["SC-7"]
package vigil.rules.aws.ec2.sg_egress_all

import data.vigil.lib.net

deny contains {"msg": msg, "path": sprintf("egress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.egress
	net.all_ports(rule)
	some [p, cidr] in net.world_cidr_pairs(rule)
	msg := sprintf("security group %s egress rule %d allows all traffic to %s", [input.name, i, cidr])
}
