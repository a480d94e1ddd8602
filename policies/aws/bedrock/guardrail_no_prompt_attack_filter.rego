# METADATA
# title: Amazon Bedrock guardrail does not filter prompt attacks
# description: >-
#   The guardrail has no PROMPT_ATTACK content filter screening prompts (none, input strength
#   NONE, or its input disabled), so jailbreaks and prompt injections that try to override the
#   model's instructions reach the model unchecked by the guardrail meant to stop them.
# custom:
#   id: AWS-BEDROCK-002
#   severity: medium
#   kinds: [aws.bedrock.guardrail]
#   remediation: >-
#     Add a PROMPT_ATTACK content filter with input strength HIGH (output strength NONE) to the
#     guardrail (content_policy_config.filters_config in aws_bedrock_guardrail, then publish a version).
#   references:
#     - https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-prompt-attack.html
#     - https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-content-filters.html
#   compliance:
#     nist-800-53-r5: ["SI-10"]
package vigil.rules.aws.bedrock.guardrail_no_prompt_attack_filter

deny contains {"msg": sprintf("guardrail %s has no prompt attack filter on its input", [input.name]), "path": "prompt_attack_filter"} if {
	not input.attributes.prompt_attack_filter
}
