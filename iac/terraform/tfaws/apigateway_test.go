package tfaws

import (
	"fmt"
	"reflect"
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

// Methods join their REST API at the path their resources' chain gives;
// a path from a resource the configuration does not hold is unknown, and
// an OpenAPI body leaves the methods and authorizers unknown.
func TestAPIGatewayRestAPIJoinsMethods(t *testing.T) {
	ref := func(attr, addr string) map[string][]string {
		return map[string][]string{"rest_api_id": {"aws_api_gateway_rest_api.orders"}, attr: {addr}}
	}
	api := inst("aws_api_gateway_rest_api", "orders", map[string]any{"name": "orders"}, nil)
	orders := inst("aws_api_gateway_resource", "orders", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "parent_id": instance.Unknown, "path_part": "orders"},
		ref("parent_id", "aws_api_gateway_rest_api.orders"))
	order := inst("aws_api_gateway_resource", "order", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "parent_id": "aws_api_gateway_resource.orders.id", "path_part": "{id}"},
		ref("parent_id", "aws_api_gateway_resource.orders"))
	get := inst("aws_api_gateway_method", "get", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "resource_id": "aws_api_gateway_resource.order.id",
		"http_method": "get", "authorization": "CUSTOM", "authorizer_id": "aws_api_gateway_authorizer.token.id"}, ref("resource_id", "aws_api_gateway_resource.order"))
	root := inst("aws_api_gateway_method", "root", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "resource_id": instance.Unknown,
		"http_method": "POST", "authorization": "NONE", "api_key_required": true}, ref("resource_id", "aws_api_gateway_rest_api.orders"))
	hidden := inst("aws_api_gateway_method", "hidden", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "resource_id": "abc123",
		"http_method": "DELETE", "authorization": instance.Unknown}, nil)
	token := inst("aws_api_gateway_authorizer", "token", map[string]any{"rest_api_id": "aws_api_gateway_rest_api.orders.id", "name": "orders-token"}, ref("", ""))
	elsewhere := inst("aws_api_gateway_method", "elsewhere", map[string]any{"rest_api_id": "x1y2z3", "resource_id": "r1", "http_method": "GET", "authorization": "NONE"}, nil)

	r := mapKind(t, "aws.apigateway.rest_api", 1, api, orders, order, get, root, hidden, token, elsewhere)[0]
	a := r.Attributes.(*model.APIGatewayRestAPI)
	want := []model.APIGatewayMethod{
		{Path: "", HTTPMethod: "DELETE"},
		{Path: "/", HTTPMethod: "POST", AuthorizationType: "NONE", APIKeyRequired: true},
		{Path: "/orders/{id}", HTTPMethod: "GET", AuthorizationType: "CUSTOM", AuthorizerID: "aws_api_gateway_authorizer.token.id"},
	}
	if !reflect.DeepEqual(a.Methods, want) {
		t.Errorf("methods:\n got %+v\nwant %+v", a.Methods, want)
	}
	if !reflect.DeepEqual(a.Authorizers, []model.APIGatewayAuthorizer{{ID: "aws_api_gateway_authorizer.token.id", Name: "orders-token", Type: "TOKEN"}}) {
		t.Errorf("authorizers: %+v", a.Authorizers)
	}
	if fmt.Sprint(a.EndpointTypes) != "[EDGE]" || fmt.Sprint(r.Unknown) != "[methods[0].authorization_type methods[0].path]" {
		t.Errorf("endpoint types %v, unknown %v", a.EndpointTypes, r.Unknown)
	}

	spec := inst("aws_api_gateway_rest_api", "spec", map[string]any{"name": "spec", "body": "{}",
		"endpoint_configuration": []any{map[string]any{"types": []any{"PRIVATE"}}}}, nil)
	r = mapKind(t, "aws.apigateway.rest_api", 1, spec)[0]
	if a := r.Attributes.(*model.APIGatewayRestAPI); fmt.Sprint(a.EndpointTypes) != "[PRIVATE]" || fmt.Sprint(r.Unknown) != "[authorizers methods policy]" {
		t.Errorf("OpenAPI body: %+v, unknown %v", a, r.Unknown)
	}
}
