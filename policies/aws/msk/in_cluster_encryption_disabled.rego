# METADATA
# title: "MSK cluster does not encrypt traffic between brokers"
# description: "With in-cluster encryption off, replication traffic between brokers crosses the network in plaintext."
# custom:
#   id: AWS-MSK-002
#   severity: medium
#   kinds: [aws.msk.cluster]
#   remediation: "Create the cluster with encryption_in_transit in_cluster = true (the default); it cannot be changed on an existing cluster."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html]
#   compliance:
#     aws-fsbp: ["MSK.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.msk.in_cluster_encryption_disabled

deny contains {"msg": sprintf("MSK cluster %s does not encrypt traffic between its brokers", [object.get(input, "name", input.id)]), "path": "in_cluster_encryption"} if {
	not input.attributes.in_cluster_encryption
}
