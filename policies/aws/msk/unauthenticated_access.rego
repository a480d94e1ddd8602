# METADATA
# title: "MSK cluster allows unauthenticated clients"
# description: "A cluster with unauthenticated access enabled, or with no IAM, SASL/SCRAM or mutual-TLS authentication at all, serves any client that reaches a broker, and Kafka ACLs cannot tell clients apart."
# custom:
#   id: AWS-MSK-004
#   severity: high
#   kinds: [aws.msk.cluster]
#   remediation: "Enable IAM, SASL/SCRAM or mutual-TLS client authentication and set client_authentication unauthenticated = false."
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html, https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html]
#   compliance:
#     aws-fsbp: ["MSK.6"]
#     nist-800-53-r5: ["IA-2", "AC-3"]
#     pci-dss-4.0: ["8.2.1"]
package vigil.rules.aws.msk.unauthenticated_access

deny contains {"msg": sprintf("MSK cluster %s accepts unauthenticated clients", [object.get(input, "name", input.id)]), "path": "unauthenticated_access"} if {
	input.attributes.unauthenticated_access
}
