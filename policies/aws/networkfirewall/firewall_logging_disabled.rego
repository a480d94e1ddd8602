# METADATA
# title: "Network Firewall firewall does not log"
# description: "Without a logging configuration neither the flows the firewall passed nor the alerts its stateful rules raised are kept anywhere: an intrusion or exfiltration through it leaves no record."
# custom:
#   id: AWS-NFW-002
#   severity: medium
#   kinds: [aws.networkfirewall.firewall]
#   remediation: "Add a logging configuration (aws_networkfirewall_logging_configuration) sending at least ALERT and FLOW logs to CloudWatch Logs, S3 or Firehose."
#   references: [https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html]
#   compliance:
#     aws-fsbp: ["NetworkFirewall.2"]
#     nist-800-53-r5: ["AU-2", "AU-12", "SI-4"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.networkfirewall.firewall_logging_disabled

deny contains {"msg": sprintf("Network Firewall firewall %s sends no logs to any destination", [object.get(input, "name", input.id)]), "path": "logging_types"} if {
	count(input.attributes.logging_types) == 0
}
