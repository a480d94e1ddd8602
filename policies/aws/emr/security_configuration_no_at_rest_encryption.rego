# METADATA
# title: "Amazon EMR security configuration does not encrypt data at rest"
# description: "Clusters launched with this security configuration keep EMRFS data in S3 and their local disks (HDFS, spill files) unencrypted by EMR."
# custom:
#   id: AWS-EMR-005
#   severity: medium
#   kinds: [aws.emr.security_configuration]
#   remediation: "Set EncryptionConfiguration.EnableAtRestEncryption to true with S3 and local disk encryption (ideally with a KMS key)."
#   references: [https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.emr.security_configuration_no_at_rest_encryption

deny contains {"msg": sprintf("Amazon EMR security configuration %s does not encrypt data at rest", [object.get(input, "name", input.id)]), "path": "at_rest_encryption"} if {
	not input.attributes.at_rest_encryption
}
