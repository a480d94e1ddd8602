# METADATA
# title: "EFS file system is not encrypted"
# description: "Files on an unencrypted EFS file system are stored in plaintext."
# custom:
#   id: AWS-EFS-001
#   severity: medium
#   kinds: [aws.efs.file_system]
#   remediation: "Create the file system with encrypted = true (optionally kms_key_id) and migrate the data; encryption cannot be turned on later."
#   references: [https://docs.aws.amazon.com/efs/latest/ug/encryption.html]
#   compliance:
#     cis-aws-3.0: ["2.4.1"]
#     cis-aws-5.0: ["2.3.1"]
#     cis-aws-7.0: ["3.3.1"]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: ["SC-28"]
package vigil.rules.aws.efs.not_encrypted

deny contains {"msg": sprintf("EFS file system %s is not encrypted at rest", [object.get(input, "name", input.id)]), "path": "encrypted"} if {
	not input.attributes.encrypted
}
