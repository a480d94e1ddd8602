package tfaws

import (
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

// Amazon Bedrock: aws_bedrock_model_invocation_logging_configuration
// becomes aws.bedrock.invocation_logging.
func init() {
	registerParent("aws_bedrock_model_invocation_logging_configuration", model.KindBedrockInvocationLogging, func(b *Builder) {
		a := model.KindBedrockInvocationLogging.Must(b.R)
		b.R.Name = "Amazon Bedrock invocation logging"
		a.CloudWatch = b.String("logging_config[0].cloudwatch_config[0].log_group_name", "cloudwatch", "") != ""
		a.S3 = b.String("logging_config[0].s3_config[0].bucket_name", "s3", "") != ""
		a.Enabled = a.CloudWatch || a.S3
		// A destination not known before apply is still a destination, but
		// its name alone does not say whether it is set: unknown.
		if !a.Enabled && (b.R.IsUnknown("cloudwatch") || b.R.IsUnknown("s3")) {
			b.R.MarkUnknown("enabled")
		}
	})
}

// aws_bedrock_guardrail becomes aws.bedrock.guardrail: the configuration
// is the guardrail's DRAFT, what a live scan reads.
func init() {
	registerParent("aws_bedrock_guardrail", model.KindBedrockGuardrail, func(b *Builder) {
		a := model.KindBedrockGuardrail.Must(b.R)
		a.Name = b.NameFrom("name")
		a.Version = "DRAFT"
		a.KMSKeyARN = b.String("kms_key_arn", "kms_key_arn", "")
		a.ContentFilters = []model.BedrockGuardrailFilter{}
		a.PIIEntities = []model.BedrockGuardrailPIIType{}
		if !b.unknownBlocks("content_policy_config", "content_filters", "prompt_attack_filter") {
			guardrailFilters(b, a)
		}
		if !b.unknownBlocks("sensitive_information_policy_config", "pii_entities", "regexes") {
			guardrailSensitive(b, a)
		}
	})
}

func guardrailFilters(b *Builder, a *model.BedrockGuardrail) {
	off := map[int]bool{}
	for i := range b.Blocks("content_policy_config[0].filters_config") {
		p := model.Path("content_policy_config[0].filters_config", i)
		a.ContentFilters = append(a.ContentFilters, model.BedrockGuardrailFilter{
			Type:           b.String(p+".type", "content_filters", ""),
			InputStrength:  b.String(p+".input_strength", "content_filters", ""),
			OutputStrength: b.String(p+".output_strength", "content_filters", ""),
		})
		off[i] = !b.Bool(p+".input_enabled", "content_filters", true)
	}
	a.PromptAttack = model.GuardrailPromptAttack(a.ContentFilters, off)
	if !a.PromptAttack && b.R.IsUnknown("content_filters") {
		b.R.MarkUnknown("prompt_attack_filter")
	}
}

func guardrailSensitive(b *Builder, a *model.BedrockGuardrail) {
	for i := range b.Blocks("sensitive_information_policy_config[0].pii_entities_config") {
		p := model.Path("sensitive_information_policy_config[0].pii_entities_config", i)
		a.PIIEntities = append(a.PIIEntities, model.BedrockGuardrailPIIType{
			Type: b.String(p+".type", "pii_entities", ""), Action: b.String(p+".action", "pii_entities", ""),
		})
	}
	a.Regexes = len(b.Blocks("sensitive_information_policy_config[0].regexes_config"))
}

// unknownBlocks marks the model paths unknown when the blocks at tfPath are
// not known before apply (a dynamic block over an unknown collection).
func (b *Builder) unknownBlocks(tfPath string, modelPaths ...string) bool {
	v, ok := b.Lookup(tfPath)
	if !ok || !instance.IsUnknown(v) {
		return false
	}
	for _, p := range modelPaths {
		b.R.MarkUnknown(p)
	}
	return true
}

// aws_bedrock_custom_model (a customization job and the model it makes)
// becomes aws.bedrock.custom_model.
func init() {
	registerParent("aws_bedrock_custom_model", model.KindBedrockCustomModel, func(b *Builder) {
		a := model.KindBedrockCustomModel.Must(b.R)
		a.Name = b.NameFrom("custom_model_name")
		a.BaseModel = b.String("base_model_identifier", "base_model", "")
		a.KMSKeyARN = b.String("custom_model_kms_key_id", "kms_key_arn", "")
	})
}
