package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	bedrocktypes "github.com/aws/aws-sdk-go-v2/service/bedrock/types"
)

// bedrockWorld is Amazon Bedrock in one region: the model invocation
// logging configuration, none when absent, and the guardrails (the DRAFT
// of each, as GetGuardrail answers it).
type bedrockWorld struct {
	LoggingConfig *bedrocktypes.LoggingConfig    `json:"loggingConfig"`
	Guardrails    []bedrock.GetGuardrailOutput   `json:"guardrails"`
	CustomModels  []bedrock.GetCustomModelOutput `json:"customModels"`
}

// ListGuardrails answers at most maxResults (1-1000) guardrails, 20 when
// absent.
const (
	bedrockPageSize = 20
	bedrockMaxPage  = 1000
)

func init() {
	register(&service{name: "bedrock", signing: "bedrock", protocol: protoRESTJSON,
		// Guardrails' createdAt and updatedAt are date-time strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &bedrockWorld{} },
		routes: []route{
			{method: "GET", pattern: "/logging/modelinvocations", op: "GetModelInvocationLoggingConfiguration"},
			{method: "GET", pattern: "/guardrails", op: "ListGuardrails"},
			{method: "GET", pattern: "/guardrails/{guardrailIdentifier}", op: "GetGuardrail"},
			{method: "GET", pattern: "/custom-models", op: "ListCustomModels"},
			{method: "GET", pattern: "/custom-models/{modelIdentifier}", op: "GetCustomModel"},
		},
		ops: map[string]op{
			"GetModelInvocationLoggingConfiguration": func(c *call) (any, error) {
				return &bedrock.GetModelInvocationLoggingConfigurationOutput{LoggingConfig: worldOf[bedrockWorld](c).LoggingConfig}, nil
			},
			"ListGuardrails": bedrockListGuardrails,
			"ListCustomModels": func(c *call) (any, error) {
				size := c.intParam("maxResults", bedrockPageSize)
				if size < 1 || size > bedrockMaxPage {
					return nil, badRequest("ValidationException", "maxResults must be between 1 and %d.", bedrockMaxPage)
				}
				sums := []bedrocktypes.CustomModelSummary{}
				for _, m := range worldOf[bedrockWorld](c).CustomModels {
					sums = append(sums, bedrocktypes.CustomModelSummary{ModelArn: m.ModelArn, ModelName: m.ModelName, BaseModelArn: m.BaseModelArn,
						CreationTime: m.CreationTime, CustomizationType: m.CustomizationType, ModelStatus: m.ModelStatus, OwnerAccountId: aws.String(c.account.ID)})
				}
				items, next, err := page(sums, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("ValidationException", "Invalid nextToken.")
				}
				return &bedrock.ListCustomModelsOutput{ModelSummaries: items, NextToken: optional(next)}, nil
			},
			"GetCustomModel": func(c *call) (any, error) {
				id := c.param("modelIdentifier")
				for i, m := range worldOf[bedrockWorld](c).CustomModels {
					if aws.ToString(m.ModelArn) == id || aws.ToString(m.ModelName) == id {
						return &worldOf[bedrockWorld](c).CustomModels[i], nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "Model %s was not found.", id)
			},
			"GetGuardrail": func(c *call) (any, error) {
				g := bedrockGuardrail(c, c.param("guardrailIdentifier"))
				if v := c.param("guardrailVersion"); g == nil || (v != "" && v != aws.ToString(g.Version)) {
					return nil, notFound("ResourceNotFoundException", "Guardrail %s was not found.", c.param("guardrailIdentifier"))
				}
				return g, nil
			},
		}})
}

// bedrockGuardrail finds a guardrail by id or ARN.
func bedrockGuardrail(c *call, id string) *bedrock.GetGuardrailOutput {
	w := worldOf[bedrockWorld](c)
	for i := range w.Guardrails {
		if g := &w.Guardrails[i]; aws.ToString(g.GuardrailId) == id || aws.ToString(g.GuardrailArn) == id {
			return g
		}
	}
	return nil
}

func bedrockListGuardrails(c *call) (any, error) {
	size := c.intParam("maxResults", bedrockPageSize)
	if size < 1 || size > bedrockMaxPage {
		return nil, badRequest("ValidationException", "maxResults must be between 1 and %d.", bedrockMaxPage)
	}
	sums := []bedrocktypes.GuardrailSummary{}
	for _, g := range worldOf[bedrockWorld](c).Guardrails {
		if id := c.param("guardrailIdentifier"); id != "" && id != aws.ToString(g.GuardrailId) && id != aws.ToString(g.GuardrailArn) {
			continue
		}
		sums = append(sums, bedrocktypes.GuardrailSummary{Arn: g.GuardrailArn, Id: g.GuardrailId, Name: g.Name, Status: g.Status,
			Version: g.Version, Description: g.Description, CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt})
	}
	items, next, err := page(sums, c.param("nextToken"), size)
	if err != nil {
		return nil, badRequest("ValidationException", "Invalid nextToken.")
	}
	return &bedrock.ListGuardrailsOutput{Guardrails: items, NextToken: optional(next)}, nil
}
