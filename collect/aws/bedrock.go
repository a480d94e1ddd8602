package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	bedrocktypes "github.com/aws/aws-sdk-go-v2/service/bedrock/types"
	"github.com/aws/smithy-go/middleware"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("bedrock", false, collectBedrock) }

// collectBedrock reads the account's model invocation logging in the
// region (GetModelInvocationLoggingConfiguration) into one
// aws.bedrock.invocation_logging: no configuration means no logging; then
// its guardrails and custom models.
func collectBedrock(ctx context.Context, s *scope) {
	client := bedrock.NewFromConfig(s.Config())
	collectInvocationLogging(ctx, s, client)
	collectGuardrails(ctx, s, client)
	collectCustomModels(ctx, s, client)
}

func collectInvocationLogging(ctx context.Context, s *scope, client *bedrock.Client) {
	a := &model.BedrockInvocationLogging{}
	var raw any
	var rels []model.Relation
	rd := s.reads("arn:" + svcPartition(s.region) + ":bedrock:" + s.region + ":" + s.account + ":model-invocation-logging")
	// The configuration is all the resource is: unread, there is none
	// (the failure names it, so its old findings are not resolved).
	read := rd.call("GetModelInvocationLoggingConfiguration", []string{"enabled", "cloudwatch", "s3"}, func() error {
		out, err := client.GetModelInvocationLoggingConfiguration(ctx, &bedrock.GetModelInvocationLoggingConfigurationInput{})
		if err != nil {
			return err
		}
		raw = out.LoggingConfig
		if c := out.LoggingConfig; c != nil {
			if cw := c.CloudWatchConfig; cw != nil && aws.ToString(cw.LogGroupName) != "" {
				a.CloudWatch = true
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: aws.ToString(cw.LogGroupName)})
			}
			if s3 := c.S3Config; s3 != nil && aws.ToString(s3.BucketName) != "" {
				a.S3 = true
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: aws.ToString(s3.BucketName)})
			}
		}
		a.Enabled = a.CloudWatch || a.S3
		return nil
	})
	if !read {
		return
	}
	rd.add(model.KindBedrockInvocationLogging.With(a), "Amazon Bedrock invocation logging ("+s.region+")", raw, nil, rels...)
}

// collectGuardrails lists the region's guardrails (ListGuardrails answers
// the working DRAFT of each) and reads each one's filters and key
// (GetGuardrail) into aws.bedrock.guardrail.
func collectGuardrails(ctx context.Context, s *scope, client *bedrock.Client) {
	var sums []bedrocktypes.GuardrailSummary
	p := bedrock.NewListGuardrailsPaginator(client, &bedrock.ListGuardrailsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListGuardrails", err)
			return
		}
		sums = append(sums, page.Guardrails...)
	}
	forEach(s, sums, func(sum bedrocktypes.GuardrailSummary) {
		arn := aws.ToString(sum.Arn)
		out, err := client.GetGuardrail(ctx, &bedrock.GetGuardrailInput{GuardrailIdentifier: sum.Id, GuardrailVersion: sum.Version})
		if err != nil {
			s.failResource("GetGuardrail", arn, err)
			return
		}
		a := &model.BedrockGuardrail{Name: aws.ToString(out.Name), Version: aws.ToString(out.Version), KMSKeyARN: aws.ToString(out.KmsKeyArn),
			ContentFilters: []model.BedrockGuardrailFilter{}, PIIEntities: []model.BedrockGuardrailPIIType{}}
		off := map[int]bool{}
		if cp := out.ContentPolicy; cp != nil {
			for i, f := range cp.Filters {
				a.ContentFilters = append(a.ContentFilters, model.BedrockGuardrailFilter{Type: string(f.Type), InputStrength: string(f.InputStrength), OutputStrength: string(f.OutputStrength)})
				off[i] = f.InputEnabled != nil && !*f.InputEnabled
			}
		}
		a.PromptAttack = model.GuardrailPromptAttack(a.ContentFilters, off)
		if sp := out.SensitiveInformationPolicy; sp != nil {
			for _, e := range sp.PiiEntities {
				a.PIIEntities = append(a.PIIEntities, model.BedrockGuardrailPIIType{Type: string(e.Type), Action: string(e.Action)})
			}
			a.Regexes = len(sp.Regexes)
		}
		var rels []model.Relation
		if a.KMSKeyARN != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyARN})
		}
		raw := *out
		raw.ResultMetadata = middleware.Metadata{}
		s.reads(arn).add(model.KindBedrockGuardrail.With(a), a.Name, raw, nil, rels...)
	})
}

// collectCustomModels lists the region's custom models and reads each
// one's key (GetCustomModel) into aws.bedrock.custom_model.
func collectCustomModels(ctx context.Context, s *scope, client *bedrock.Client) {
	var sums []bedrocktypes.CustomModelSummary
	p := bedrock.NewListCustomModelsPaginator(client, &bedrock.ListCustomModelsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListCustomModels", err)
			return
		}
		sums = append(sums, page.ModelSummaries...)
	}
	forEach(s, sums, func(sum bedrocktypes.CustomModelSummary) {
		arn := aws.ToString(sum.ModelArn)
		out, err := client.GetCustomModel(ctx, &bedrock.GetCustomModelInput{ModelIdentifier: sum.ModelArn})
		if err != nil {
			s.failResource("GetCustomModel", arn, err)
			return
		}
		a := &model.BedrockCustomModel{Name: aws.ToString(out.ModelName), BaseModel: aws.ToString(out.BaseModelArn), KMSKeyARN: aws.ToString(out.ModelKmsKeyArn)}
		var rels []model.Relation
		if a.KMSKeyARN != "" {
			rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: a.KMSKeyARN})
		}
		raw := *out
		raw.ResultMetadata = middleware.Metadata{}
		raw.HyperParameters = nil // training settings, not security evidence
		s.reads(arn).add(model.KindBedrockCustomModel.With(a), a.Name, raw, nil, rels...)
	})
}
