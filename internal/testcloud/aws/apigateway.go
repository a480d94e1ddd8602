package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
)

// apigatewayWorld is API Gateway (REST APIs, v1) in one region.
type apigatewayWorld struct {
	RestApis []apigatewayAPI `json:"rest_apis"`
}

// apigatewayAPI is a REST API as GetRestApis lists it, and its stages.
type apigatewayAPI struct {
	agtypes.RestApi
	Stages []agtypes.Stage `json:"stages"`
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
			"GetRestApisOutput.Items": "item",
		}},
		newWorld: func() any { return &apigatewayWorld{} },
		routes: []route{
			{method: "GET", pattern: "/restapis", op: "GetRestApis"},
			{method: "GET", pattern: "/restapis/{restApiId}/stages", op: "GetStages"},
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
