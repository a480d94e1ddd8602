# METADATA
# title: "Network Firewall policy passes fragmented packets that no stateless rule matched"
# description: "The stateless default action for fragmented packets decides what happens to traffic no stateless rule matched. Unless it drops it or forwards it to the stateful engine (aws:forward_to_sfe), that traffic passes uninspected."
# custom:
#   id: AWS-NFW-006
#   severity: medium
#   kinds: [aws.networkfirewall.firewall_policy]
#   remediation: "Set stateless_fragment_default_actions to [\"aws:forward_to_sfe\"] (or [\"aws:drop\"])."
#   references: [https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateless-default-actions.html]
#   compliance:
#     aws-fsbp: ["NetworkFirewall.5"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     pci-dss-4.0: ["1.2.1"]
package vigil.rules.aws.networkfirewall.policy_stateless_fragment_default_pass

deny contains {"msg": sprintf("Network Firewall policy %s neither drops nor forwards to the stateful engine the fragmented packets no stateless rule matched (default actions %v)", [object.get(input, "name", input.id), input.attributes.stateless_fragment_default_actions]), "path": "stateless_fragment_default_actions"} if {
	not inspected_or_dropped
}

inspected_or_dropped if {
	some a in input.attributes.stateless_fragment_default_actions
	a in {"aws:drop", "aws:forward_to_sfe"}
}
