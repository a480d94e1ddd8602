# METADATA
# title: "RDS automatic minor version upgrade is disabled"
# description: "Minor engine versions carry security fixes; with automatic upgrades off they are only applied when someone remembers to."
# custom:
#   id: AWS-RDS-006
#   severity: medium
#   kinds: [aws.rds.instance]
#   remediation: "Set auto_minor_version_upgrade = true (the default)."
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades]
#   compliance:
#     cis-aws-3.0: ["2.3.2"]
#     cis-aws-5.0: ["2.2.2"]
#     cis-aws-7.0: ["3.2.2"]
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: ["SI-2"]
package vigil.rules.aws.rds.auto_minor_version_upgrade_disabled

deny contains {"msg": sprintf("RDS instance %s does not apply minor engine upgrades automatically", [object.get(input, "name", input.id)]), "path": "auto_minor_version_upgrade"} if {
	not input.attributes.auto_minor_version_upgrade
}
