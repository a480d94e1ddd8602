# METADATA
# title: "DMS replication instance is not Multi-AZ"
# description: "A single-AZ replication instance stops the migration or ongoing replication when its Availability Zone fails; Multi-AZ keeps a standby in another zone that takes over."
# custom:
#   id: AWS-DMS-003
#   severity: medium
#   kinds: [aws.dms.replication_instance]
#   remediation: "Set multi_az = true (MultiAZ) on replication instances that run ongoing replication."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.html]
#   compliance:
#     aws-fsbp: ["DMS.13"]
#     nist-800-53-r5: ["CP-10", "SC-36"]
package vigil.rules.aws.dms.instance_single_az

deny contains {"msg": sprintf("DMS replication instance %s runs in a single Availability Zone", [object.get(input, "name", input.id)]), "path": "multi_az"} if {
	input.attributes.multi_az == false
}
