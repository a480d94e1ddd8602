# METADATA
# title: "MSK cluster brokers are publicly accessible"
# description: "Public access gives every broker an internet address; only the security groups and client authentication stand between the topics and the internet."
# custom:
#   id: AWS-MSK-003
#   severity: high
#   kinds: [aws.msk.cluster]
#   remediation: "Set broker_node_group_info connectivity_info public_access type = DISABLED and reach the cluster through the VPC, peering or PrivateLink."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html]
#   compliance:
#     aws-fsbp: ["MSK.4"]
#     nist-800-53-r5: ["AC-3", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.msk.publicly_accessible

deny contains {"msg": sprintf("MSK cluster %s has public access to its brokers turned on", [object.get(input, "name", input.id)]), "path": "public_access"} if {
	input.attributes.public_access
}
