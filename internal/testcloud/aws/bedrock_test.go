package aws

import (
	"context"
	"testing"

	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// Guardrails are read through the SDK with their filters and key, and
// judged: support-bot passes AWS-BEDROCK-002..004, draft-assistant (a
// PROMPT_ATTACK filter at strength NONE, no PII filter, an AWS owned key)
// fails them.
func TestBedrockGuardrails(t *testing.T) {
	res := collectClean(t, fragmentWorld(t, "bedrock"), "bedrock")
	gs := byKind(res.Resources)["aws.bedrock.guardrail"]
	sb, da := gs["support-bot"], gs["draft-assistant"]
	if len(gs) != 2 || sb == nil || da == nil {
		t.Fatalf("guardrails: %v", gs)
	}
	a := sb.Attributes.(*model.BedrockGuardrail)
	if sb.ID != "arn:aws:bedrock:us-east-1:111111111111:guardrail/sb7k2m9x4q1w" || a.Version != "DRAFT" || !a.PromptAttack ||
		len(a.ContentFilters) != 3 || a.ContentFilters[2] != (model.BedrockGuardrailFilter{Type: "PROMPT_ATTACK", InputStrength: "HIGH", OutputStrength: "NONE"}) ||
		len(a.PIIEntities) != 2 || a.PIIEntities[1].Action != "BLOCK" || a.Regexes != 1 || a.KMSKeyARN == "" || len(sb.Relations) != 1 {
		t.Errorf("support-bot: %+v %+v", sb, a)
	}
	if b := da.Attributes.(*model.BedrockGuardrail); b.PromptAttack || len(b.PIIEntities) != 0 || b.Regexes != 0 || b.KMSKeyARN != "" {
		t.Errorf("draft-assistant: %+v", b)
	}
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := engine.Evaluate(context.Background(), res.Resources, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Status{}
	for _, f := range fs {
		got[f.RuleID+" "+f.Resource.Name] = f.Status
	}
	for _, id := range []string{"AWS-BEDROCK-002", "AWS-BEDROCK-003", "AWS-BEDROCK-004"} {
		if got[id+" support-bot"] != model.StatusPass || got[id+" draft-assistant"] != model.StatusFail {
			t.Errorf("%s: support-bot %q, draft-assistant %q", id, got[id+" support-bot"], got[id+" draft-assistant"])
		}
	}

	// Custom models with their key: claims-tuned has a customer managed
	// key, faq-tuned an AWS owned one.
	ms := byKind(res.Resources)["aws.bedrock.custom_model"]
	if c := ms["claims-tuned"]; len(ms) != 2 || c == nil || c.Attributes.(*model.BedrockCustomModel).KMSKeyARN == "" ||
		c.Attributes.(*model.BedrockCustomModel).BaseModel != "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k" {
		t.Fatalf("custom models: %v", ms)
	}
	if got["AWS-BEDROCK-005 claims-tuned"] != model.StatusPass || got["AWS-BEDROCK-005 faq-tuned"] != model.StatusFail {
		t.Errorf("AWS-BEDROCK-005: claims-tuned %q, faq-tuned %q", got["AWS-BEDROCK-005 claims-tuned"], got["AWS-BEDROCK-005 faq-tuned"])
	}
}
