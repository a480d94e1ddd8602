package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	agv2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedAPIGatewayV2 creates an HTTP API with a route open to anyone,
// mapped to a custom domain with its default endpoint on, and a stage
// without access logs; and an HTTP API with an IAM-authorized route, its
// default endpoint off, and a logging stage.
func seedAPIGatewayV2(t *testing.T, srv *moto.Server) (open, closed string) {
	t.Helper()
	client := apigatewayv2.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	ids := map[bool]string{}
	for _, on := range []bool{false, true} {
		name := map[bool]string{false: "open", true: "closed"}[on]
		api, err := client.CreateApi(ctx, &apigatewayv2.CreateApiInput{Name: aws.String(name), ProtocolType: agv2types.ProtocolTypeHttp,
			DisableExecuteApiEndpoint: aws.Bool(on), Tags: map[string]string{"team": name}})
		must(api, err)
		ids[on] = aws.ToString(api.ApiId)
		auth := agv2types.AuthorizationTypeNone
		if on {
			auth = agv2types.AuthorizationTypeAwsIam
		}
		must(client.CreateRoute(ctx, &apigatewayv2.CreateRouteInput{ApiId: api.ApiId, RouteKey: aws.String("GET /items"), AuthorizationType: auth}))
		in := &apigatewayv2.CreateStageInput{ApiId: api.ApiId, StageName: aws.String("prod")}
		if on {
			in.AccessLogSettings = &agv2types.AccessLogSettings{DestinationArn: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:/apigw/closed"),
				Format: aws.String("$context.requestId")}
		}
		must(client.CreateStage(ctx, in))
		must(client.CreateDomainName(ctx, &apigatewayv2.CreateDomainNameInput{DomainName: aws.String(name + ".example.com")}))
		must(client.CreateApiMapping(ctx, &apigatewayv2.CreateApiMappingInput{ApiId: api.ApiId, DomainName: aws.String(name + ".example.com"), Stage: aws.String("prod")}))
	}
	return ids[false], ids[true]
}

func TestAPIGatewayV2AgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	openID, closedID := seedAPIGatewayV2(t, srv)
	res := collectMoto(t, srv, []string{"apigatewayv2"})
	noErrors(t, res)

	apis := byKind(res, "aws.apigatewayv2.api")
	if len(apis) != 2 {
		t.Fatalf("apis: %v", apis)
	}
	if o := apis["open"]; o.Tags["team"] != "open" || o.ID != "arn:aws:apigateway:us-east-1::/apis/"+openID {
		t.Errorf("open: %s, tags %v", o.ID, o.Tags)
	}
	if a := apis["open"].Attributes.(*model.APIGatewayV2API); a.ProtocolType != "HTTP" || a.DisableExecuteAPIEndpoint ||
		len(a.CustomDomainNames) != 1 || a.CustomDomainNames[0] != "open.example.com" || len(a.UnauthorizedRoutes) != 1 {
		t.Errorf("open: %+v", a)
	}
	if a := apis["closed"].Attributes.(*model.APIGatewayV2API); !a.DisableExecuteAPIEndpoint || len(a.UnauthorizedRoutes) != 0 {
		t.Errorf("closed: %+v", a)
	}
	fails := failingByResource(t, res.Resources)
	openStage := "arn:aws:apigateway:us-east-1::/apis/" + openID + "/stages/prod"
	closedStage := "arn:aws:apigateway:us-east-1::/apis/" + closedID + "/stages/prod"
	for _, c := range []struct{ rule, bad, good string }{
		{"AWS-APIGW2-001", apis["open"].ID, apis["closed"].ID},
		{"AWS-APIGW2-002", apis["open"].ID, apis["closed"].ID},
		{"AWS-APIGW-001", openStage, closedStage},
	} {
		if !fails[c.bad][c.rule] || fails[c.good][c.rule] {
			t.Errorf("%s: %s %v, %s %v", c.rule, c.bad, fails[c.bad], c.good, fails[c.good])
		}
	}
}
