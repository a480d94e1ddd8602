# METADATA
# title: "MSK cluster accepts plaintext from clients"
# description: "Client-broker encryption TLS_PLAINTEXT or PLAINTEXT lets producers and consumers send records and credentials unencrypted over the network."
# custom:
#   id: AWS-MSK-001
#   severity: high
#   kinds: [aws.msk.cluster]
#   remediation: "Set encryption_in_transit client_broker = TLS (the default) once every client speaks TLS."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html]
#   compliance:
#     aws-fsbp: ["MSK.1"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8"]
package vigil.rules.aws.msk.client_plaintext_allowed

deny contains {"msg": sprintf("MSK cluster %s accepts plaintext connections from clients", [object.get(input, "name", input.id)]), "path": "client_broker_encryption"} if {
	input.attributes.client_broker_encryption != "TLS"
}
