# METADATA
# title: Security group allows other administrative ports from the internet
# description: An ingress rule exposes an administrative or legacy service port (Telnet, FTP, VNC, Docker API, SMB, RPC, NetBIOS, WinRM, kubelet) to the whole internet.
# custom:
#   id: AWS-EC2-005
#   severity: medium
#   kinds: [aws.ec2.security_group]
#   remediation: Close the port to 0.0.0.0/0 and ::/0; reach these services over a VPN, bastion or SSM.
#   references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html]
#   compliance:
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["AC-17", "CM-7", "SC-7"]
package vigil.rules.aws.ec2.sg_open_admin

import data.vigil.lib.net

admin_ports := {
	20: "FTP data",
	21: "FTP",
	23: "Telnet",
	135: "MS RPC",
	137: "NetBIOS",
	139: "NetBIOS",
	445: "SMB",
	2375: "Docker API",
	2376: "Docker API (TLS)",
	5900: "VNC",
	5985: "WinRM",
	5986: "WinRM (TLS)",
	10250: "kubelet",
}

deny contains {"msg": msg, "path": sprintf("ingress[%d].%s", [i, p])} if {
	some i, rule in input.attributes.ingress
	some [p, cidr] in net.world_cidr_pairs(rule)
	exposed := sort([sprintf("%d (%s)", [port, name]) |
		some port, name in admin_ports
		net.port_in_rule(rule, port)
	])
	count(exposed) > 0
	msg := sprintf("security group %s ingress rule %d exposes administrative ports %s to %s", [input.name, i, concat(", ", exposed), cidr])
}
