# METADATA
# title: "Glue Data Catalog returns connection passwords unencrypted"
# description: "Without connection password encryption, the passwords of Glue connections (JDBC databases, MongoDB ...) are returned in clear text by GetConnection and GetConnections to anyone who may call them. With it, they are encrypted with a KMS key whose policy decides who may read them."
# custom:
#   id: AWS-GLUE-002
#   severity: medium
#   kinds: [aws.glue.data_catalog]
#   remediation: "Enable connection password encryption with a customer managed KMS key (aws_glue_data_catalog_encryption_settings connection_password_encryption return_connection_password_encrypted = true)."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html]
#   compliance:
#     nist-800-53-r5: ["IA-5(1)", "SC-28"]
#     pci-dss-4.0: ["8.3.2"]
package vigil.rules.aws.glue.connection_passwords_not_encrypted

deny contains {"msg": sprintf("the Glue Data Catalog of %s returns connection passwords unencrypted", [input.region]), "path": "connection_password_encrypted"} if {
	input.attributes.connection_password_encrypted == false
}
