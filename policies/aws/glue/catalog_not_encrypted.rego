# METADATA
# title: "Glue Data Catalog metadata is not encrypted at rest"
# description: "The Data Catalog holds the schemas, locations and connection details of every table; with encryption at rest disabled (the default) its databases, tables, partitions and connections are stored without a KMS key the account controls."
# custom:
#   id: AWS-GLUE-001
#   severity: medium
#   kinds: [aws.glue.data_catalog]
#   remediation: "Set the Data Catalog's encryption at rest to SSE-KMS with a customer managed key (aws_glue_data_catalog_encryption_settings encryption_at_rest catalog_encryption_mode = \"SSE-KMS\")."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.glue.catalog_not_encrypted

deny contains {"msg": sprintf("the Glue Data Catalog of %s is not encrypted at rest", [input.region]), "path": "encryption_at_rest_mode"} if {
	input.attributes.encryption_at_rest_mode == "DISABLED"
}
