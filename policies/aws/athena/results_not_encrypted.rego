# METADATA
# title: "Athena workgroup does not encrypt query results"
# description: "Query results hold the data the queries read; without a workgroup encryption setting they are written to S3 as the bucket default leaves them, and clients that set none write them unencrypted."
# custom:
#   id: AWS-ATHENA-001
#   severity: medium
#   kinds: [aws.athena.workgroup]
#   remediation: "Set the workgroup result configuration encryption (SSE_S3, SSE_KMS or CSE_KMS) and enforce the workgroup configuration."
#   references: [https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.athena.results_not_encrypted

deny contains {"msg": sprintf("Athena workgroup %s does not encrypt its query results", [object.get(input, "name", input.id)]), "path": "result_encryption"} if {
	input.attributes.result_encryption == ""
}
