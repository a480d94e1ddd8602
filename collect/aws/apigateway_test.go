package aws

import (
	"context"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestAPIGatewayAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := apigateway.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	api, err := client.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	root, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: api.Id})
	if err != nil {
		t.Fatal(err)
	}
	rootID := root.Items[0].Id
	if _, err := client.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: rootID, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("NONE")}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: api.Id, ResourceId: rootID, HttpMethod: aws.String("GET"),
		Type: agtypes.IntegrationTypeMock}); err != nil {
		t.Fatal(err)
	}
	// POST /orders takes a Lambda authorizer.
	authz, err := client.CreateAuthorizer(ctx, &apigateway.CreateAuthorizerInput{RestApiId: api.Id, Name: aws.String("orders-token"), Type: agtypes.AuthorizerTypeToken,
		AuthorizerUri:  aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:authz/invocations"),
		IdentitySource: aws.String("method.request.header.Authorization")})
	if err != nil {
		t.Fatal(err)
	}
	orders, err := client.CreateResource(ctx, &apigateway.CreateResourceInput{RestApiId: api.Id, ParentId: rootID, PathPart: aws.String("orders")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: orders.Id, HttpMethod: aws.String("POST"),
		AuthorizationType: aws.String("CUSTOM"), AuthorizerId: authz.Id}); err != nil {
		t.Fatal(err)
	}
	dep, err := client.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: api.Id})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dark", "lit"} {
		if _, err := client.CreateStage(ctx, &apigateway.CreateStageInput{RestApiId: api.Id, DeploymentId: dep.Id, StageName: aws.String(name),
			Tags: map[string]string{"team": "orders"}}); err != nil {
			t.Fatal(err)
		}
	}
	logGroup := "arn:aws:logs:us-east-1:123456789012:log-group:api-access"
	if _, err := client.UpdateStage(ctx, &apigateway.UpdateStageInput{RestApiId: api.Id, StageName: aws.String("lit"),
		PatchOperations: []agtypes.PatchOperation{
			{Op: agtypes.OpReplace, Path: aws.String("/accessLogSettings/destinationArn"), Value: aws.String(logGroup)},
			{Op: agtypes.OpReplace, Path: aws.String("/accessLogSettings/format"), Value: aws.String("$context.requestId")},
			{Op: agtypes.OpReplace, Path: aws.String("/tracingEnabled"), Value: aws.String("true")},
			{Op: agtypes.OpReplace, Path: aws.String("/*/*/caching/dataEncrypted"), Value: aws.String("true")},
		}}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"apigateway"})
	noErrors(t, res)
	stages := byKind(res, "aws.apigateway.stage")
	if len(stages) != 2 {
		t.Fatalf("want 2 stages, got %d", len(stages))
	}
	dark, lit := stages["dark"], stages["lit"]
	if a := dark.Attributes.(*model.APIGatewayStage); a.Name != "dark" || a.AccessLogsEnabled || a.XRayTracing || a.CacheEncrypted || a.WAFWebACL != "" ||
		dark.ID != "arn:aws:apigateway:us-east-1::/restapis/"+aws.ToString(api.Id)+"/stages/dark" || dark.Tags["team"] != "orders" || len(dark.Raw) == 0 {
		t.Errorf("dark: %+v %+v", dark, a)
	}
	if a := lit.Attributes.(*model.APIGatewayStage); !a.AccessLogsEnabled || !a.XRayTracing || !a.CacheEncrypted ||
		len(lit.Relations) != 1 || lit.Relations[0].Target != logGroup {
		t.Errorf("lit: %+v %+v", lit, a)
	}
	// moto has no WAFv2 association for stages (webAclArn is never set), so
	// waf_web_acl is only seen empty here.
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-APIGW-001", "AWS-APIGW-020"} {
		if !fails["dark"][id] || fails["lit"][id] {
			t.Errorf("%s: %v", id, fails)
		}
	}

	rest := byKind(res, "aws.apigateway.rest_api")["orders"]
	if rest == nil || rest.ID != "arn:aws:apigateway:us-east-1::/restapis/"+aws.ToString(api.Id) {
		t.Fatalf("REST API: %+v", byKind(res, "aws.apigateway.rest_api"))
	}
	a := rest.Attributes.(*model.APIGatewayRestAPI)
	want := []model.APIGatewayMethod{
		{Path: "/", HTTPMethod: "GET", AuthorizationType: "NONE"},
		{Path: "/orders", HTTPMethod: "POST", AuthorizationType: "CUSTOM", AuthorizerID: aws.ToString(authz.Id)},
	}
	if !reflect.DeepEqual(a.Methods, want) || len(a.EndpointTypes) != 1 ||
		!reflect.DeepEqual(a.Authorizers, []model.APIGatewayAuthorizer{{ID: aws.ToString(authz.Id), Name: "orders-token", Type: "TOKEN"}}) {
		t.Errorf("REST API: %+v", a)
	}
	if !fails["orders"]["AWS-APIGW-031"] {
		t.Errorf("GET / without authorization: %v", fails["orders"])
	}
}
