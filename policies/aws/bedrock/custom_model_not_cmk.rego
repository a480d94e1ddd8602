# METADATA
# title: Amazon Bedrock custom model is not encrypted with a customer managed key
# description: >-
#   The custom model (weights fine-tuned or further trained on the organization's own data, which
#   they may reproduce) is encrypted with an AWS owned key: who may use or decrypt it cannot be
#   limited or audited through a key policy, nor the key revoked.
# custom:
#   id: AWS-BEDROCK-005
#   severity: low
#   kinds: [aws.bedrock.custom_model]
#   remediation: >-
#     Customize the model again with a customer managed KMS key (customModelKmsKeyId in the
#     customization job; custom_model_kms_key_id in aws_bedrock_custom_model): a model's key cannot
#     be changed afterwards.
#   references: [https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.bedrock.custom_model_not_cmk

deny contains {"msg": sprintf("custom model %s is encrypted with an AWS owned key, not a customer managed key", [input.name]), "path": "kms_key_arn"} if {
	input.attributes.kms_key_arn == ""
}
