package aws

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/vigil-sec/vigil/model"
)

func TestAPIGatewayOperations(t *testing.T) {
	w := fragmentWorld(t, "apigateway")
	aw := w.Account(fragmentAccount).worldOf("apigateway", "us-east-1").(*apigatewayWorld)
	cfg, _ := testCloud(t, w)
	client := apigateway.NewFromConfig(cfg)
	ctx := context.Background()

	apis, err := client.GetRestApis(ctx, &apigateway.GetRestApisInput{})
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "GetRestApis", apis.Items, []agtypes.RestApi{aw.RestApis[0].RestApi, aw.RestApis[1].RestApi})
	if apis.Position != nil {
		t.Errorf("one page, yet a position")
	}
	for _, a := range aw.RestApis {
		st, err := client.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: a.Id})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "GetStages "+*a.Name, st.Item, a.Stages)
	}
	none, err := client.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String("k9l8m7n6o5"), DeploymentId: aws.String("d3pl0y0001")})
	if err != nil || len(none.Item) != 0 {
		t.Errorf("stages of another deployment: %v %+v", err, none)
	}
	_, err = client.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String("zzzzzzzzzz")})
	if code := apiCode(err); code != "NotFoundException" {
		t.Errorf("stages of a missing API: %q", code)
	}
}

// GetRestApis pages 25 APIs by default, limit when given, 500 at most.
func TestAPIGatewayGetRestApisPages(t *testing.T) {
	w := fragmentWorld(t, "apigateway")
	big := &apigatewayWorld{}
	for i := range 1010 {
		big.RestApis = append(big.RestApis, apigatewayAPI{RestApi: agtypes.RestApi{
			Id: aws.String(fmt.Sprintf("api%07d", i)), Name: aws.String(fmt.Sprintf("api-%d", i))}})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "apigateway", big)
	cfg, _ := testCloud(t, w)
	client := apigateway.NewFromConfig(cfg, func(o *apigateway.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages string
	}{{0, "41 pages, 25 first, 10 last"}, {500, "3 pages, 500 first, 10 last"}, {1000, "3 pages, 500 first, 10 last"}, {300, "4 pages, 300 first, 110 last"}} {
		in := &apigateway.GetRestApisInput{}
		if tc.limit > 0 {
			in.Limit = aws.Int32(tc.limit)
		}
		p := apigateway.NewGetRestApisPaginator(client, in)
		var sizes []int
		n := 0
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(page.Items))
			n += len(page.Items)
		}
		got := fmt.Sprintf("%d pages, %d first, %d last", len(sizes), sizes[0], sizes[len(sizes)-1])
		if got != tc.pages || n != 1010 {
			t.Errorf("limit %d: %s (%d APIs), want %s", tc.limit, got, n, tc.pages)
		}
	}
	_, err := client.GetRestApis(context.Background(), &apigateway.GetRestApisInput{Position: aws.String("bogus")})
	if code := apiCode(err); code != "BadRequestException" {
		t.Errorf("a bad position: %q", code)
	}
}

// The collector reads the partner API's stage as unlogged, untraced,
// unprotected and caching in clear, and the internal one as the opposite.
func TestAPIGatewayCollect(t *testing.T) {
	res, srv := collect(t, fragmentWorld(t, "apigateway"), "apigateway")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	var bad, good *model.Resource
	for _, r := range res.Resources {
		switch r.ID {
		case "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/v1":
			bad = r
		case "arn:aws:apigateway:us-east-1::/restapis/k9l8m7n6o5/stages/prod":
			good = r
		}
	}
	if bad == nil || good == nil {
		t.Fatalf("stages: %v", byKind(res.Resources)["aws.apigateway.stage"])
	}
	if a := bad.Attributes.(*model.APIGatewayStage); a.AccessLogsEnabled || a.XRayTracing || a.WAFWebACL != "" || a.CacheEncrypted ||
		bad.Kind != "aws.apigateway.stage" || bad.Tags["team"] != "partners" || a.API != "rest" || !a.CacheEnabled || a.ClientCertificate != "" ||
		a.ExecutionLoggingLevel != "OFF" || len(a.ExecutionLoggingOffMethods) != 0 {
		t.Errorf("legacy-partners v1: %+v", a)
	}
	if a := good.Attributes.(*model.APIGatewayStage); !a.AccessLogsEnabled || !a.XRayTracing || !a.CacheEncrypted || a.ClientCertificate != "c1i3ntc3rt" ||
		a.ExecutionLoggingLevel != "INFO" ||
		a.WAFWebACL != "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/orders-api/3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7" {
		t.Errorf("orders-internal prod: %+v", a)
	}
}
