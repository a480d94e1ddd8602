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
	sameJSON(t, "GetRestApis", apis.Items, []agtypes.RestApi{aw.RestApis[0].RestApi, aw.RestApis[1].RestApi, aw.RestApis[2].RestApi})
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

// GetResources embeds each method's settings only when asked to, and
// GetAuthorizers lists the API's authorizers.
func TestAPIGatewayResourcesAndAuthorizers(t *testing.T) {
	w := fragmentWorld(t, "apigateway")
	aw := w.Account(fragmentAccount).worldOf("apigateway", "us-east-1").(*apigatewayWorld)
	cfg, _ := testCloud(t, w)
	client := apigateway.NewFromConfig(cfg)
	ctx := context.Background()
	for _, a := range aw.RestApis {
		res, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: a.Id, Embed: []string{"methods"}})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "GetResources "+*a.Name, res.Items, a.Resources)
		au, err := client.GetAuthorizers(ctx, &apigateway.GetAuthorizersInput{RestApiId: a.Id})
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, "GetAuthorizers "+*a.Name, au.Items, append([]agtypes.Authorizer{}, a.Authorizers...))
	}
	named, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("a1b2c3d4e5")})
	if err != nil {
		t.Fatal(err)
	}
	if m := named.Items[1].ResourceMethods; len(m) != 3 || m["GET"].AuthorizationType != nil {
		t.Errorf("without embed, methods are only named: %+v", m)
	}
	two, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("a1b2c3d4e5"), Limit: aws.Int32(1)})
	if err != nil || len(two.Items) != 1 || two.Position == nil {
		t.Errorf("limit 1: %v %+v", err, two)
	}
	for _, op := range []func() error{
		func() error {
			_, err := client.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("zzzzzzzzzz")})
			return err
		},
		func() error {
			_, err := client.GetAuthorizers(ctx, &apigateway.GetAuthorizersInput{RestApiId: aws.String("zzzzzzzzzz")})
			return err
		},
	} {
		if code := apiCode(op()); code != "NotFoundException" {
			t.Errorf("a missing API: %q", code)
		}
	}
}

// The collector reads the partner API's methods (GET /partners open to
// anyone) and the internal API's authorizer.
func TestAPIGatewayCollectRestAPIs(t *testing.T) {
	res, _ := collect(t, fragmentWorld(t, "apigateway"), "apigateway")
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	apis := map[string]*model.APIGatewayRestAPI{}
	for _, r := range res.Resources {
		if a, ok := r.Attributes.(*model.APIGatewayRestAPI); ok {
			apis[r.ID] = a
		}
	}
	partners, orders := apis["arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5"], apis["arn:aws:apigateway:us-east-1::/restapis/k9l8m7n6o5"]
	if partners == nil || orders == nil {
		t.Fatalf("REST APIs: %v", apis)
	}
	want := []model.APIGatewayMethod{
		{Path: "/partners", HTTPMethod: "GET", AuthorizationType: "NONE"},
		{Path: "/partners", HTTPMethod: "OPTIONS", AuthorizationType: "NONE"},
		{Path: "/partners", HTTPMethod: "POST", AuthorizationType: "NONE", APIKeyRequired: true},
	}
	sameJSON(t, "partners methods", partners.Methods, want)
	if fmt.Sprint(partners.EndpointTypes) != "[EDGE]" || len(partners.Authorizers) != 0 {
		t.Errorf("partners: %+v", partners)
	}
	want = []model.APIGatewayMethod{
		{Path: "/", HTTPMethod: "GET", AuthorizationType: "AWS_IAM"},
		{Path: "/orders", HTTPMethod: "ANY", AuthorizationType: "CUSTOM", AuthorizerID: "4uth0r1z01"},
	}
	sameJSON(t, "orders methods", orders.Methods, want)
	sameJSON(t, "orders authorizers", orders.Authorizers, []model.APIGatewayAuthorizer{{ID: "4uth0r1z01", Name: "orders-token", Type: "TOKEN"}})
	if partners.Policy != nil || orders.Policy != nil {
		t.Errorf("policies where there are none: %+v %+v", partners.Policy, orders.Policy)
	}
	// The private API's policy comes JSON-escaped once more.
	reports := apis["arn:aws:apigateway:us-east-1::/restapis/p1r2v3a4t5"]
	if reports == nil || reports.Policy == nil || len(reports.Policy.Statements) != 1 ||
		reports.Policy.Statements[0].Resources[0] != "arn:aws:execute-api:us-east-1:111111111111:p1r2v3a4t5/*" || fmt.Sprint(reports.EndpointTypes) != "[PRIVATE]" {
		t.Errorf("internal-reports: %+v", reports)
	}
}
