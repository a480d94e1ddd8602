# METADATA
# title: "DMS replication instance is publicly accessible"
# description: "A public replication instance has a public IP address, reachable from the internet as far as its security groups allow; it holds connections to the source and target databases. AWS's default for a new instance is public."
# custom:
#   id: AWS-DMS-001
#   severity: critical
#   kinds: [aws.dms.replication_instance]
#   remediation: "Create the replication instance with publicly_accessible = false in private subnets (this setting cannot be changed on an existing instance) and reach the databases through the VPC, peering or a VPN."
#   references: [https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html, https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html]
#   compliance:
#     aws-fsbp: ["DMS.1"]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
package vigil.rules.aws.dms.instance_public

deny contains {"msg": sprintf("DMS replication instance %s is publicly accessible", [object.get(input, "name", input.id)]), "path": "publicly_accessible"} if {
	input.attributes.publicly_accessible == true
}
