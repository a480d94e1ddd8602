package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	agv2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
)

// apigatewayv2World is API Gateway's HTTP and WebSocket APIs (v2) in one
// region: each API with its routes and stages, and the custom domain
// names with their API mappings.
type apigatewayv2World struct {
	Apis        []apigatewayv2API    `json:"apis"`
	DomainNames []apigatewayv2Domain `json:"domain_names"`
}

type apigatewayv2API struct {
	agv2types.Api
	Routes []agv2types.Route `json:"routes"`
	Stages []agv2types.Stage `json:"stages"`
}

type apigatewayv2Domain struct {
	agv2types.DomainName
	Mappings []agv2types.ApiMapping `json:"mappings"`
}

// The v2 Get calls page by maxResults (a string of digits); without it
// they answer everything, here pages of 25 so that tests page.
const apigatewayv2PageSize = 25

func init() {
	register(&service{name: "apigatewayv2", signing: "apigateway", protocol: protoRESTJSON,
		// API Gateway v2's timestamps are ISO 8601 strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &apigatewayv2World{} },
		routes: []route{
			{method: "GET", pattern: "/v2/apis", op: "GetApis"},
			{method: "GET", pattern: "/v2/apis/{apiId}/routes", op: "GetRoutes"},
			{method: "GET", pattern: "/v2/apis/{apiId}/stages", op: "GetStages"},
			{method: "GET", pattern: "/v2/domainnames", op: "GetDomainNames"},
			{method: "GET", pattern: "/v2/domainnames/{domainName}/apimappings", op: "GetApiMappings"},
		},
		ops: map[string]op{
			"GetApis": func(c *call) (any, error) {
				var list []agv2types.Api
				for _, a := range worldOf[apigatewayv2World](c).Apis {
					list = append(list, a.Api)
				}
				items, next, err := apigatewayv2Page(c, list)
				if err != nil {
					return nil, err
				}
				return &apigatewayv2.GetApisOutput{Items: append([]agv2types.Api{}, items...), NextToken: optional(next)}, nil
			},
			"GetRoutes": func(c *call) (any, error) {
				a, err := apigatewayv2Find(c)
				if err != nil {
					return nil, err
				}
				items, next, err := apigatewayv2Page(c, a.Routes)
				if err != nil {
					return nil, err
				}
				return &apigatewayv2.GetRoutesOutput{Items: append([]agv2types.Route{}, items...), NextToken: optional(next)}, nil
			},
			"GetStages": func(c *call) (any, error) {
				a, err := apigatewayv2Find(c)
				if err != nil {
					return nil, err
				}
				items, next, err := apigatewayv2Page(c, a.Stages)
				if err != nil {
					return nil, err
				}
				return &apigatewayv2.GetStagesOutput{Items: append([]agv2types.Stage{}, items...), NextToken: optional(next)}, nil
			},
			"GetDomainNames": func(c *call) (any, error) {
				var list []agv2types.DomainName
				for _, d := range worldOf[apigatewayv2World](c).DomainNames {
					list = append(list, d.DomainName)
				}
				items, next, err := apigatewayv2Page(c, list)
				if err != nil {
					return nil, err
				}
				return &apigatewayv2.GetDomainNamesOutput{Items: append([]agv2types.DomainName{}, items...), NextToken: optional(next)}, nil
			},
			"GetApiMappings": func(c *call) (any, error) {
				name := c.param("domainName")
				for _, d := range worldOf[apigatewayv2World](c).DomainNames {
					if d.DomainName.DomainName == nil || *d.DomainName.DomainName != name {
						continue
					}
					items, next, err := apigatewayv2Page(c, d.Mappings)
					if err != nil {
						return nil, err
					}
					return &apigatewayv2.GetApiMappingsOutput{Items: append([]agv2types.ApiMapping{}, items...), NextToken: optional(next)}, nil
				}
				return nil, notFound("NotFoundException", "Unable to find the domain name %s", name)
			},
		}})
}

func apigatewayv2Find(c *call) (*apigatewayv2API, error) {
	id := c.param("apiId")
	apis := worldOf[apigatewayv2World](c).Apis
	for i := range apis {
		if apis[i].ApiId != nil && *apis[i].ApiId == id {
			return &apis[i], nil
		}
	}
	return nil, notFound("NotFoundException", "Invalid API identifier specified %s:%s", c.account.ID, id)
}

func apigatewayv2Page[T any](c *call, items []T) ([]T, string, error) {
	out, next, err := page(items, c.param("nextToken"), c.intParam("maxResults", apigatewayv2PageSize))
	if err != nil {
		return nil, "", badRequest("BadRequestException", "Invalid nextToken.")
	}
	return out, next, nil
}
