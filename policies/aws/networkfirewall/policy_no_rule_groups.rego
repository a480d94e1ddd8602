# METADATA
# title: "Network Firewall policy has no rule group"
# description: "A firewall policy without stateless or stateful rule groups inspects nothing: traffic meets only the default actions."
# custom:
#   id: AWS-NFW-004
#   severity: medium
#   kinds: [aws.networkfirewall.firewall_policy]
#   remediation: "Reference at least one stateful or stateless rule group from the firewall policy."
#   references: [https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-policies.html]
#   compliance:
#     aws-fsbp: ["NetworkFirewall.3"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.2.1"]
package vigil.rules.aws.networkfirewall.policy_no_rule_groups

deny contains {"msg": sprintf("Network Firewall policy %s has no rule group", [object.get(input, "name", input.id)]), "path": "stateful_rule_groups"} if {
	input.attributes.stateful_rule_groups == 0
	input.attributes.stateless_rule_groups == 0
}
