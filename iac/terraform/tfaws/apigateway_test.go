package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/model"
)

func TestAPIGatewayStage(t *testing.T) {
	plain := inst("aws_api_gateway_stage", "dev", map[string]any{"stage_name": "dev"}, nil)
	logged := inst("aws_api_gateway_stage", "prod", map[string]any{"stage_name": "prod",
		"access_log_settings": []any{map[string]any{"destination_arn": instance.Unknown, "format": "$context.requestId"}}}, nil)
	settings := inst("aws_api_gateway_method_settings", "prod", map[string]any{"stage_name": instance.Unknown,
		"settings": []any{map[string]any{"cache_data_encrypted": true}}}, map[string][]string{"stage_name": {"aws_api_gateway_stage.prod"}})
	v2 := inst("aws_apigatewayv2_stage", "http", map[string]any{"name": "$default"}, nil)

	rs := mapKind(t, "aws.apigateway.stage", 3, plain, logged, settings, v2)
	if a := rs[0].Attributes.(*model.APIGatewayStage); a.AccessLogsEnabled || a.Name != "dev" {
		t.Errorf("dev: %+v", a)
	}
	if a := rs[1].Attributes.(*model.APIGatewayStage); !a.AccessLogsEnabled || !a.CacheEncrypted {
		t.Errorf("prod: %+v", a)
	}
	if a := rs[2].Attributes.(*model.APIGatewayStage); a.AccessLogsEnabled || a.Name != "$default" {
		t.Errorf("v2: %+v", a)
	}
}
