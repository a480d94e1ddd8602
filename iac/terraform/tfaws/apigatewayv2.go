package tfaws

import (
	"slices"
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// API Gateway v2: aws_apigatewayv2_api, joined by its routes
// (aws_apigatewayv2_route) and API mappings (aws_apigatewayv2_api_mapping),
// becomes aws.apigatewayv2.api; its stages are in apigateway.go.
func init() {
	apiTypes := []string{"aws_apigatewayv2_api"}
	registerParent("aws_apigatewayv2_api", model.KindAPIGatewayV2API, func(b *Builder) {
		a := model.KindAPIGatewayV2API.Must(b.R)
		b.NameFrom("name")
		a.ProtocolType = b.String("protocol_type", "protocol_type", "")
		a.DisableExecuteAPIEndpoint = b.Bool("disable_execute_api_endpoint", "disable_execute_api_endpoint", false)
		a.CustomDomainNames = []string{}
		a.UnauthorizedRoutes = []string{}
		if b.Has("target") {
			// Quick create: API Gateway makes a route (route_key, else
			// $default) without authorization to the target.
			a.UnauthorizedRoutes = append(a.UnauthorizedRoutes, b.String("route_key", "unauthorized_routes", "$default"))
			b.locate("target", "unauthorized_routes")
		}
	})
	registerChild("aws_apigatewayv2_route", "api_id", apiTypes, func(p *Builder, c *Child) {
		a := model.KindAPIGatewayV2API.Must(p.R)
		key := c.String("route_key", "unauthorized_routes", "")
		if c.Target().IsUnknown("unauthorized_routes") {
			return
		}
		// A WebSocket API authorizes the connection: only $connect takes
		// an authorizer.
		if a.ProtocolType == "WEBSOCKET" && key != "$connect" {
			return
		}
		if c.String("authorization_type", "unauthorized_routes", "NONE") == "NONE" && !c.Target().IsUnknown("unauthorized_routes") {
			a.UnauthorizedRoutes = append(a.UnauthorizedRoutes, key)
			sort.Strings(a.UnauthorizedRoutes)
			locateBlock(c, "unauthorized_routes")
		}
	})
	registerChild("aws_apigatewayv2_api_mapping", "api_id", apiTypes, func(p *Builder, c *Child) {
		a := model.KindAPIGatewayV2API.Must(p.R)
		if d := refOrString(c, "domain_name", "custom_domain_names"); d != "" && !slices.Contains(a.CustomDomainNames, d) {
			a.CustomDomainNames = append(a.CustomDomainNames, d)
			sort.Strings(a.CustomDomainNames)
		}
	})
}
