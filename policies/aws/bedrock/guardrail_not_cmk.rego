# METADATA
# title: Amazon Bedrock guardrail is not encrypted with a customer managed key
# description: >-
#   The guardrail's configuration (its denied topics, words and patterns, which can name what the
#   organization protects) is encrypted with an AWS owned key: access to it cannot be limited or
#   audited through a key policy, nor the key revoked.
# custom:
#   id: AWS-BEDROCK-004
#   severity: low
#   kinds: [aws.bedrock.guardrail]
#   remediation: Set kms_key_arn on the guardrail (aws_bedrock_guardrail) to a customer managed KMS key.
#   references: [https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html]
#   compliance:
#     nist-800-53-r5: ["SC-12", "SC-28"]
package vigil.rules.aws.bedrock.guardrail_not_cmk

deny contains {"msg": sprintf("guardrail %s is encrypted with an AWS owned key, not a customer managed key", [input.name]), "path": "kms_key_arn"} if {
	input.attributes.kms_key_arn == ""
}
