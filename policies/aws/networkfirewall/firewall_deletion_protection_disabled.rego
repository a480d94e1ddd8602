# METADATA
# title: "Network Firewall firewall does not have deletion protection"
# description: "Without deletion protection one API call removes the firewall and, with it, the inspection of every route that points at its endpoints."
# custom:
#   id: AWS-NFW-001
#   severity: medium
#   kinds: [aws.networkfirewall.firewall]
#   remediation: "Set delete_protection = true on the firewall."
#   references: [https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-settings.html]
#   compliance:
#     aws-fsbp: ["NetworkFirewall.9"]
#     nist-800-53-r5: ["CM-3", "SC-7"]
package vigil.rules.aws.networkfirewall.firewall_deletion_protection_disabled

deny contains {"msg": sprintf("Network Firewall firewall %s does not have deletion protection", [object.get(input, "name", input.id)]), "path": "deletion_protection"} if {
	not input.attributes.deletion_protection
}
