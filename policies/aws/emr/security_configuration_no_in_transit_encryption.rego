# METADATA
# title: "Amazon EMR security configuration does not encrypt data in transit"
# description: "Clusters launched with this security configuration move data between nodes, and to S3 through EMRFS, without the TLS that EMR's in-transit encryption sets up."
# custom:
#   id: AWS-EMR-006
#   severity: medium
#   kinds: [aws.emr.security_configuration]
#   remediation: "Set EncryptionConfiguration.EnableInTransitEncryption to true with a TLS certificate provider."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html]
#   compliance:
#     nist-800-53-r5: ["SC-8"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.emr.security_configuration_no_in_transit_encryption

deny contains {"msg": sprintf("Amazon EMR security configuration %s does not encrypt data in transit", [object.get(input, "name", input.id)]), "path": "in_transit_encryption"} if {
	not input.attributes.in_transit_encryption
}
