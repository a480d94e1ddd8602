package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/bedrock"
	bedrocktypes "github.com/aws/aws-sdk-go-v2/service/bedrock/types"
)

// bedrockWorld is Amazon Bedrock in one region: the model invocation
// logging configuration, none when absent.
type bedrockWorld struct {
	LoggingConfig *bedrocktypes.LoggingConfig `json:"loggingConfig"`
}

func init() {
	register(&service{name: "bedrock", signing: "bedrock", protocol: protoRESTJSON,
		names:    names{camel: true},
		newWorld: func() any { return &bedrockWorld{} },
		routes: []route{
			{method: "GET", pattern: "/logging/modelinvocations", op: "GetModelInvocationLoggingConfiguration"},
		},
		ops: map[string]op{
			"GetModelInvocationLoggingConfiguration": func(c *call) (any, error) {
				return &bedrock.GetModelInvocationLoggingConfigurationOutput{LoggingConfig: worldOf[bedrockWorld](c).LoggingConfig}, nil
			},
		}})
}
