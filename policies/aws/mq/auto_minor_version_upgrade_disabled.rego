# METADATA
# title: "Amazon MQ broker does not upgrade minor versions automatically"
# description: "Minor engine versions carry security fixes; with automatic upgrades off they are applied only when someone remembers to."
# custom:
#   id: AWS-MQ-004
#   severity: low
#   kinds: [aws.mq.broker]
#   remediation: "Set auto_minor_version_upgrade = true."
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html]
#   compliance:
#     aws-fsbp: ["MQ.3"]
#     nist-800-53-r5: ["SI-2"]
#     pci-dss-4.0: ["6.3.3"]
package vigil.rules.aws.mq.auto_minor_version_upgrade_disabled

deny contains {"msg": sprintf("Amazon MQ broker %s does not apply minor engine upgrades automatically", [object.get(input, "name", input.id)]), "path": "auto_minor_version_upgrade"} if {
	not input.attributes.auto_minor_version_upgrade
}
