package aws

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
)

// apigatewayWorld is API Gateway (REST APIs, v1) in one region.
type apigatewayWorld struct {
	RestApis []apigatewayAPI `json:"rest_apis"`
}

// apigatewayAPI is a REST API as GetRestApis lists it, its stages, its
// resources with their methods (as GetResources embeds them) and its
// authorizers.
type apigatewayAPI struct {
	agtypes.RestApi
	Stages      []agtypes.Stage      `json:"stages"`
	Resources   []agtypes.Resource   `json:"resources"`
	Authorizers []agtypes.Authorizer `json:"authorizers"`
}

// apigatewayAPIOf is the REST API a call's restApiId names.
func apigatewayAPIOf(c *call) (*apigatewayAPI, error) {
	id := c.param("restApiId")
	apis := worldOf[apigatewayWorld](c).RestApis
	for i := range apis {
		if apis[i].Id != nil && *apis[i].Id == id {
			return &apis[i], nil
		}
	}
	return nil, notFound("NotFoundException", "Invalid API identifier specified %s:%s", c.account.ID, id)
}

// GetRestApis pages 25 APIs by default and at most 500.
const (
	apigatewayPageSize = 25
	apigatewayPageMax  = 500
)

func init() {
	register(&service{name: "apigateway", signing: "apigateway", protocol: protoRESTJSON,
		names: names{camel: true, rename: map[string]string{
			// The collection's list member is "item".
			"GetRestApisOutput.Items":    "item",
			"GetResourcesOutput.Items":   "item",
			"GetAuthorizersOutput.Items": "item",
		}},
		newWorld: func() any { return &apigatewayWorld{} },
		routes: []route{
			{method: "GET", pattern: "/restapis", op: "GetRestApis"},
			{method: "GET", pattern: "/restapis/{restApiId}/stages", op: "GetStages"},
			{method: "GET", pattern: "/restapis/{restApiId}/resources", op: "GetResources"},
			{method: "GET", pattern: "/restapis/{restApiId}/authorizers", op: "GetAuthorizers"},
		},
		ops: map[string]op{
			"GetRestApis": func(c *call) (any, error) {
				apis := worldOf[apigatewayWorld](c).RestApis
				items, next, err := page(apis, c.param("position"), min(c.intParam("limit", apigatewayPageSize), apigatewayPageMax))
				if err != nil {
					return nil, badRequest("BadRequestException", "Invalid position parameter.")
				}
				out := &apigateway.GetRestApisOutput{Items: []agtypes.RestApi{}, Position: optional(next)}
				for _, a := range items {
					out.Items = append(out.Items, a.RestApi)
				}
				return out, nil
			},
			// GetResources pages like GetRestApis; a resource's methods
			// are only named unless embed=methods asks for them.
			"GetResources": func(c *call) (any, error) {
				api, err := apigatewayAPIOf(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(api.Resources, c.param("position"), min(c.intParam("limit", apigatewayPageSize), apigatewayPageMax))
				if err != nil {
					return nil, badRequest("BadRequestException", "Invalid position parameter.")
				}
				embed := slices.Contains(strings.Split(c.param("embed"), ","), "methods")
				out := &apigateway.GetResourcesOutput{Items: []agtypes.Resource{}, Position: optional(next)}
				for _, r := range items {
					if !embed && r.ResourceMethods != nil {
						named := make(map[string]agtypes.Method, len(r.ResourceMethods))
						for verb := range r.ResourceMethods {
							named[verb] = agtypes.Method{}
						}
						r.ResourceMethods = named
					}
					out.Items = append(out.Items, r)
				}
				return out, nil
			},
			"GetAuthorizers": func(c *call) (any, error) {
				api, err := apigatewayAPIOf(c)
				if err != nil {
					return nil, err
				}
				items, next, err := page(api.Authorizers, c.param("position"), min(c.intParam("limit", apigatewayPageSize), apigatewayPageMax))
				if err != nil {
					return nil, badRequest("BadRequestException", "Invalid position parameter.")
				}
				return &apigateway.GetAuthorizersOutput{Items: append([]agtypes.Authorizer{}, items...), Position: optional(next)}, nil
			},
			// GetStages does not page.
			"GetStages": func(c *call) (any, error) {
				id := c.param("restApiId")
				for _, a := range worldOf[apigatewayWorld](c).RestApis {
					if a.Id == nil || *a.Id != id {
						continue
					}
					out := &apigateway.GetStagesOutput{Item: []agtypes.Stage{}}
					for _, st := range a.Stages {
						if d := c.param("deploymentId"); d == "" || st.DeploymentId != nil && *st.DeploymentId == d {
							out.Item = append(out.Item, st)
						}
					}
					return out, nil
				}
				return nil, notFound("NotFoundException", "Invalid API identifier specified %s:%s", c.account.ID, id)
			},
		}})
}
