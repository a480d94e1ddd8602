# METADATA
# title: "Glue security configuration does not encrypt the data it writes to S3"
# description: "Jobs, crawlers and development endpoints that run with this security configuration write their output and temporary data to S3 without Glue applying SSE-S3 or SSE-KMS."
# custom:
#   id: AWS-GLUE-003
#   severity: medium
#   kinds: [aws.glue.security_configuration]
#   remediation: "Set the security configuration's S3 encryption mode to SSE-KMS (or SSE-S3); a security configuration cannot be changed, so create a new one and point the jobs at it."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.glue.s3_encryption_disabled

deny contains {"msg": sprintf("Glue security configuration %s does not encrypt the data it writes to S3", [object.get(input, "name", input.id)]), "path": "s3_encryption_mode"} if {
	input.attributes.s3_encryption_mode == "DISABLED"
}
