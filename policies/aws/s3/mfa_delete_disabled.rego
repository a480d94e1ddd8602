# METADATA
# title: S3 bucket MFA delete is disabled
# description: With MFA delete, changing the versioning state or permanently deleting an object version requires the root user's MFA, which protects against stolen credentials.
# custom:
#   id: AWS-S3-009
#   severity: low
#   kinds: [aws.s3.bucket]
#   remediation: Enable MFA delete on the bucket as the root user (versioning_configuration mfa_delete = "Enabled" with the mfa argument).
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html]
#   compliance:
#     cis-aws-3.0: ["2.1.2"]
#     cis-aws-5.0: ["2.1.2"]
#     cis-aws-7.0: ["3.1.2"]
#     nist-800-53-r5: ["IA-2", "CP-9"]
package vigil.rules.aws.s3.mfa_delete_disabled

deny contains {"msg": msg, "path": "versioning.mfa_delete"} if {
	input.attributes.versioning.mfa_delete == false
	msg := sprintf("bucket %s has MFA delete disabled", [input.name])
}
