package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appsync"
	appsynctypes "github.com/aws/aws-sdk-go-v2/service/appsync/types"
)

// appsyncWorld is AWS AppSync in one region: its GraphQL APIs as
// ListGraphqlApis answers them (id and ARN filled in when absent).
type appsyncWorld struct {
	Apis []appsynctypes.GraphqlApi `json:"apis"`
}

// ListGraphqlApis pages by maxResults, 0-25, 25 when absent.
const appsyncMaxPage = 25

func init() {
	register(&service{name: "appsync", signing: "appsync", protocol: protoRESTJSON,
		names:    names{camel: true},
		newWorld: func() any { return &appsyncWorld{} },
		routes: []route{
			{method: "GET", pattern: "/v1/apis", op: "ListGraphqlApis"},
		},
		ops: map[string]op{
			"ListGraphqlApis": func(c *call) (any, error) {
				size := c.intParam("maxResults", appsyncMaxPage)
				if size > appsyncMaxPage {
					return nil, badRequest("BadRequestException", "maxResults must be at most %d", appsyncMaxPage)
				}
				var all []appsynctypes.GraphqlApi
				for _, a := range worldOf[appsyncWorld](c).Apis {
					if a.ApiId == nil {
						a.ApiId = aws.String("api" + aws.ToString(a.Name))
					}
					if a.Arn == nil {
						a.Arn = aws.String(c.arn("appsync", "apis/"+aws.ToString(a.ApiId)))
					}
					all = append(all, a)
				}
				items, next, err := page(all, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("BadRequestException", "Invalid nextToken.")
				}
				return &appsync.ListGraphqlApisOutput{GraphqlApis: append([]appsynctypes.GraphqlApi{}, items...), NextToken: optional(next)}, nil
			},
		}})
}
