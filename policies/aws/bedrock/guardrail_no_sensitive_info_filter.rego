# METADATA
# title: Amazon Bedrock guardrail has no sensitive information filters
# description: >-
#   The guardrail filters no personally identifiable information (no PII entity types) and no
#   custom patterns (no regexes): personal data in prompts and in model answers passes through it
#   unmasked and unblocked.
# custom:
#   id: AWS-BEDROCK-003
#   severity: low
#   kinds: [aws.bedrock.guardrail]
#   remediation: >-
#     Add sensitive information filters that block or mask the PII types the application may see
#     (sensitive_information_policy_config.pii_entities_config in aws_bedrock_guardrail), and regexes
#     for the organization's own identifiers.
#   references: [https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-sensitive-filters.html]
#   compliance:
#     nist-800-53-r5: ["SI-4", "SC-7"]
package vigil.rules.aws.bedrock.guardrail_no_sensitive_info_filter

deny contains {"msg": sprintf("guardrail %s filters no PII types and no custom patterns", [input.name]), "path": "pii_entities"} if {
	count(input.attributes.pii_entities) == 0
	input.attributes.regexes == 0
}
