# METADATA
# title: "OpenSearch node-to-node encryption is disabled"
# description: "Without node-to-node encryption, traffic between the domain's nodes travels unencrypted inside the VPC."
# custom:
#   id: AWS-OPENSEARCH-002
#   severity: medium
#   kinds: [aws.opensearch.domain]
#   remediation: "Set node_to_node_encryption { enabled = true }."
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html]
#   compliance:
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.opensearch.node_to_node_encryption_disabled

deny contains {"msg": sprintf("OpenSearch domain %s does not encrypt traffic between nodes", [object.get(input, "name", input.id)]), "path": "node_to_node_encryption"} if {
	not input.attributes.node_to_node_encryption
}
