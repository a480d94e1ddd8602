package cloudformation

import "github.com/vigil-sec/vigil/model"

// Amazon Bedrock: AWS::Bedrock::Guardrail becomes aws.bedrock.guardrail
// (the template is the guardrail's DRAFT, what a live scan reads).
func init() {
	parent("AWS::Bedrock::Guardrail", model.KindBedrockGuardrail, func(b *builder) {
		a := model.KindBedrockGuardrail.Must(b.target)
		if n := b.str("Name", "", ""); n != "" {
			b.r.Name = n
		}
		a.Name = b.r.Name
		a.Version = "DRAFT"
		a.KMSKeyARN = b.str("KmsKeyArn", "kms_key_arn", "")
		a.ContentFilters = []model.BedrockGuardrailFilter{}
		off := map[int]bool{}
		for i := range b.count("ContentPolicyConfig.FiltersConfig", "content_filters") {
			p := model.Path("ContentPolicyConfig.FiltersConfig", i)
			a.ContentFilters = append(a.ContentFilters, model.BedrockGuardrailFilter{
				Type:           b.str(p+".Type", "content_filters", ""),
				InputStrength:  b.str(p+".InputStrength", "content_filters", ""),
				OutputStrength: b.str(p+".OutputStrength", "content_filters", ""),
			})
			off[i] = !b.boolean(p+".InputEnabled", "content_filters", true)
		}
		a.PromptAttack = model.GuardrailPromptAttack(a.ContentFilters, off)
		if !a.PromptAttack && b.target.IsUnknown("content_filters") {
			b.target.MarkUnknown("prompt_attack_filter")
		}
		a.PIIEntities = []model.BedrockGuardrailPIIType{}
		for i := range b.count("SensitiveInformationPolicyConfig.PiiEntitiesConfig", "pii_entities") {
			p := model.Path("SensitiveInformationPolicyConfig.PiiEntitiesConfig", i)
			a.PIIEntities = append(a.PIIEntities, model.BedrockGuardrailPIIType{
				Type: b.str(p+".Type", "pii_entities", ""), Action: b.str(p+".Action", "pii_entities", ""),
			})
		}
		a.Regexes = b.count("SensitiveInformationPolicyConfig.RegexesConfig", "regexes")
	})
}
