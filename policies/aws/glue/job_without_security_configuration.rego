# METADATA
# title: "Glue job runs without a security configuration"
# description: "A job without a security configuration writes its S3 output, CloudWatch logs and job bookmarks without the encryption a security configuration applies. Whether a named configuration encrypts each of them is judged on the configuration itself (AWS-GLUE-003..005)."
# custom:
#   id: AWS-GLUE-006
#   severity: medium
#   kinds: [aws.glue.job]
#   remediation: "Create a security configuration that encrypts S3 data (SSE-KMS), CloudWatch logs and job bookmarks, and set it on the job (security_configuration)."
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html, https://docs.aws.amazon.com/glue/latest/dg/console-security-configurations.html]
#   compliance:
#     nist-800-53-r5: ["SC-28"]
#     pci-dss-4.0: ["3.5.1"]
package vigil.rules.aws.glue.job_without_security_configuration

deny contains {"msg": sprintf("Glue job %s runs without a security configuration", [object.get(input, "name", input.id)]), "path": "security_configuration"} if {
	input.attributes.security_configuration == ""
}
