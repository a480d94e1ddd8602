package cloudformation

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// Methods and authorizers join their REST API; a method's path comes
// from its resources' chain, unknown when a parameter names the resource.
func TestRestAPIJoinsMethods(t *testing.T) {
	tpl := `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ResourceId: {Type: String}
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: orders, EndpointConfiguration: {Types: [PRIVATE]}}
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
  Pool:
    Type: AWS::ApiGateway::Authorizer
    Properties: {RestApiId: !Ref Api, Name: users, Type: COGNITO_USER_POOLS, ProviderARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x]}
  Get:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: get, AuthorizationType: COGNITO_USER_POOLS, AuthorizerId: !Ref Pool}
  Put:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref ResourceId, HttpMethod: PUT}
  Spec:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: spec, BodyS3Location: {Bucket: specs, Key: spec.yaml}}
`
	rs, _, errs := ParseWithUnmapped("api.yaml", []byte(tpl), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byName := map[string]*model.Resource{}
	for _, r := range rs {
		byName[r.Name] = r
	}
	api, spec := byName["orders"], byName["spec"]
	if api == nil || spec == nil {
		t.Fatalf("resources: %v", rs)
	}
	a := api.Attributes.(*model.APIGatewayRestAPI)
	want := []model.APIGatewayMethod{
		{Path: "/orders", HTTPMethod: "GET", AuthorizationType: "COGNITO_USER_POOLS", AuthorizerID: "Pool"},
		{Path: "", HTTPMethod: "PUT", AuthorizationType: "NONE"},
	}
	if !reflect.DeepEqual(a.Methods, want) || fmt.Sprint(a.EndpointTypes) != "[PRIVATE]" ||
		!reflect.DeepEqual(a.Authorizers, []model.APIGatewayAuthorizer{{ID: "Pool", Name: "users", Type: "COGNITO_USER_POOLS"}}) {
		t.Errorf("orders: %+v", a)
	}
	if fmt.Sprint(api.Unknown) != "[methods[1].path]" {
		t.Errorf("unknown %v", api.Unknown)
	}
	if s := spec.Attributes.(*model.APIGatewayRestAPI); fmt.Sprint(s.EndpointTypes) != "[EDGE]" || fmt.Sprint(spec.Unknown) != "[authorizers endpoint_types methods policy]" {
		t.Errorf("spec: %+v, unknown %v", s, spec.Unknown)
	}
}
