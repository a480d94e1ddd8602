# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: Logs encrypted only with S3-managed keys can be read by anyone with read access to the bucket; a KMS key adds a separately controlled and audited permission.
# custom:
#   id: AWS-CT-003
#   severity: medium
#   kinds: [aws.cloudtrail.trail]
#   remediation: Set kms_key_id to a customer managed KMS key whose policy allows CloudTrail to encrypt.
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html]
#   compliance:
#     cis-aws-3.0: ["3.5"]
#     cis-aws-5.0: ["3.5"]
#     cis-aws-7.0: ["4.5"]
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9", "SC-28"]
package vigil.rules.aws.cloudtrail.not_kms_encrypted

deny contains {"msg": msg, "path": "kms_key_id"} if {
	input.attributes.kms_key_id == ""
	msg := sprintf("trail %s is not encrypted with a KMS key", [input.name])
}
