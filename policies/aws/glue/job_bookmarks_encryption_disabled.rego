# METADATA
# title: "Glue security configuration does not encrypt its job bookmarks"
# description: "Job bookmarks record which data a job has processed; without client-side KMS encryption (CSE-KMS) they are stored as Glue keeps them by default."
# custom:
#   id: AWS-GLUE-005
#   severity: low
#   kinds: [aws.glue.security_configuration]
#   remediation: "Set the security configuration's job bookmarks encryption mode to CSE-KMS; create a new configuration and point the jobs at it."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.glue.job_bookmarks_encryption_disabled

deny contains {"msg": sprintf("Glue security configuration %s does not encrypt its job bookmarks", [object.get(input, "name", input.id)]), "path": "job_bookmarks_encryption_mode"} if {
	input.attributes.job_bookmarks_encryption_mode == "DISABLED"
}
