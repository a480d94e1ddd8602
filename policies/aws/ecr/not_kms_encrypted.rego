# METADATA
# title: "ECR repository is not encrypted with a KMS key"
# description: "The repository's images are encrypted with S3-managed keys (AES256), so their encryption cannot be governed through a KMS key policy, audited per use in CloudTrail, or revoked by disabling the key. KMS (or dual-layer KMS_DSSE) encryption with a customer managed key gives that control. The encryption type is fixed when the repository is created."
# custom:
#   id: AWS-ECR-020
#   severity: low
#   kinds: [aws.ecr.repository]
#   remediation: "Create the repository with encryption_configuration { encryption_type = \"KMS\", kms_key = <customer managed key> } (CloudFormation: EncryptionConfiguration with EncryptionType KMS and KmsKey), and move the images to it: the encryption of an existing repository cannot be changed."
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.ecr.not_kms_encrypted

kms := {"KMS", "KMS_DSSE"}

deny contains {"msg": sprintf("ECR repository %s is encrypted with %s, not a KMS key", [object.get(input, "name", input.id), input.attributes.encryption_type]), "path": "encryption_type"} if {
	not kms[input.attributes.encryption_type]
}
