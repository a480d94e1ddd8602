# METADATA
# title: "Glue security configuration does not encrypt its CloudWatch logs"
# description: "Logs of jobs that run with this security configuration are written to CloudWatch Logs without a KMS key; job logs may carry connection details and data samples."
# custom:
#   id: AWS-GLUE-004
#   severity: low
#   kinds: [aws.glue.security_configuration]
#   remediation: "Set the security configuration's CloudWatch encryption mode to SSE-KMS with a key whose policy lets CloudWatch Logs use it; create a new configuration and point the jobs at it."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.glue.cloudwatch_encryption_disabled

deny contains {"msg": sprintf("Glue security configuration %s does not encrypt its CloudWatch logs", [object.get(input, "name", input.id)]), "path": "cloudwatch_encryption_mode"} if {
	input.attributes.cloudwatch_encryption_mode == "DISABLED"
}
