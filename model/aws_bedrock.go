package model

// Kinds of this service.
var (
	KindBedrockInvocationLogging = NewKind[BedrockInvocationLogging]("aws.bedrock.invocation_logging", "Amazon Bedrock model invocation logging of an account in one region")
	KindBedrockGuardrail         = NewKind[BedrockGuardrail]("aws.bedrock.guardrail", "Amazon Bedrock guardrail (its working draft)")
	KindBedrockCustomModel       = NewKind[BedrockCustomModel]("aws.bedrock.custom_model", "Amazon Bedrock custom (fine-tuned or pre-trained) model")
)

// BedrockInvocationLogging is kind aws.bedrock.invocation_logging.
type BedrockInvocationLogging struct {
	Enabled    bool `json:"enabled" doc:"model invocations are logged to CloudWatch Logs or S3"`
	CloudWatch bool `json:"cloudwatch" doc:"delivered to a CloudWatch Logs log group"`
	S3         bool `json:"s3" doc:"delivered to an S3 bucket"`
}

// BedrockGuardrail is kind aws.bedrock.guardrail: the content, prompt
// attack and sensitive information filters of a guardrail and its key.
type BedrockGuardrail struct {
	Name           string                    `json:"name"`
	Version        string                    `json:"version" doc:"DRAFT (what ListGuardrails answers and Terraform/CloudFormation edit)"`
	ContentFilters []BedrockGuardrailFilter  `json:"content_filters" doc:"one per category: SEXUAL, VIOLENCE, HATE, INSULTS, MISCONDUCT, PROMPT_ATTACK"`
	PromptAttack   bool                      `json:"prompt_attack_filter" doc:"a PROMPT_ATTACK filter screens prompts (input strength above NONE, input not disabled)"`
	PIIEntities    []BedrockGuardrailPIIType `json:"pii_entities" doc:"sensitive information filters by PII type"`
	Regexes        int                       `json:"regexes" doc:"number of custom regex sensitive information filters"`
	KMSKeyARN      string                    `json:"kms_key_arn" doc:"customer managed key; empty: an AWS owned key"`
}

// BedrockGuardrailFilter is one content filter of a guardrail.
type BedrockGuardrailFilter struct {
	Type           string `json:"type"`
	InputStrength  string `json:"input_strength" doc:"NONE, LOW, MEDIUM, HIGH"`
	OutputStrength string `json:"output_strength" doc:"NONE, LOW, MEDIUM, HIGH"`
}

// BedrockGuardrailPIIType is one PII entity filter: its type and action.
type BedrockGuardrailPIIType struct {
	Type   string `json:"type" doc:"e.g. EMAIL, US_SOCIAL_SECURITY_NUMBER"`
	Action string `json:"action" doc:"BLOCK, ANONYMIZE or NONE"`
}

// GuardrailPromptAttack says whether content filters screen prompts for
// attacks: a PROMPT_ATTACK filter whose input strength is above NONE and
// whose input is not disabled (inputDisabled is nil when unset, on).
func GuardrailPromptAttack(filters []BedrockGuardrailFilter, inputDisabled map[int]bool) bool {
	for i, f := range filters {
		if f.Type == "PROMPT_ATTACK" && f.InputStrength != "" && f.InputStrength != "NONE" && !inputDisabled[i] {
			return true
		}
	}
	return false
}

// BedrockCustomModel is kind aws.bedrock.custom_model.
type BedrockCustomModel struct {
	Name      string `json:"name"`
	BaseModel string `json:"base_model" doc:"the foundation model's ARN or id"`
	KMSKeyARN string `json:"kms_key_arn" doc:"customer managed key of the model; empty: an AWS owned key"`
}
