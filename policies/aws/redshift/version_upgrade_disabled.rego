# METADATA
# title: "Redshift cluster does not take major version upgrades"
# description: >-
#   A cluster that refuses major version upgrades keeps running an engine version that stops receiving the fixes, security patches included, that later versions carry.
# custom:
#   id: AWS-REDSHIFT-022
#   severity: medium
#   kinds: [aws.redshift.cluster]
#   remediation: >-
#     Set allow_version_upgrade = true (AllowVersionUpgrade: true, the default) so upgrades are applied in the maintenance window.
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-set-maintenance-track, https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6]
#   compliance:
#     aws-fsbp: ["Redshift.6"]
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
package vigil.rules.aws.redshift.version_upgrade_disabled

deny contains {"msg": sprintf("Redshift cluster %s does not allow major version upgrades", [object.get(input, "name", input.id)]), "path": "allow_version_upgrade"} if {
	input.attributes.allow_version_upgrade == false
}
