# METADATA
# title: "DMS replication instance does not apply minor engine upgrades automatically"
# description: "Minor DMS engine versions carry security fixes; without automatic minor version upgrades the instance keeps running a version with known flaws until someone upgrades it."
# custom:
#   id: AWS-DMS-002
#   severity: medium
#   kinds: [aws.dms.replication_instance]
#   remediation: "Set auto_minor_version_upgrade = true (AutoMinorVersionUpgrade) on the replication instance."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.html]
#   compliance:
#     aws-fsbp: ["DMS.6"]
#     nist-800-53-r5: ["SI-2"]
#     pci-dss-4.0: ["6.3.3"]
package vigil.rules.aws.dms.instance_minor_upgrade

deny contains {"msg": sprintf("DMS replication instance %s does not upgrade minor engine versions automatically", [object.get(input, "name", input.id)]), "path": "auto_minor_version_upgrade"} if {
	input.attributes.auto_minor_version_upgrade == false
}
