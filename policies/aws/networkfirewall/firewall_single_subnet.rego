# METADATA
# title: "Network Firewall firewall has an endpoint in one subnet only"
# description: "A firewall with a single endpoint subnet lives in one Availability Zone: when that zone fails, traffic routed through the firewall stops, or is routed around it."
# custom:
#   id: AWS-NFW-003
#   severity: medium
#   kinds: [aws.networkfirewall.firewall]
#   remediation: "Add a subnet_mapping in a subnet of each Availability Zone the VPC uses."
#   references: [https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-single-zone-igw.html]
#   compliance:
#     aws-fsbp: ["NetworkFirewall.1"]
#     nist-800-53-r5: ["CP-10", "SC-5"]
package vigil.rules.aws.networkfirewall.firewall_single_subnet

deny contains {"msg": sprintf("Network Firewall firewall %s has endpoints in %d subnet(s), not spread across Availability Zones", [object.get(input, "name", input.id), input.attributes.subnet_count]), "path": "subnet_count"} if {
	input.attributes.subnet_count < 2
}
