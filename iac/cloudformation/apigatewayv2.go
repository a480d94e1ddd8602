package cloudformation

import (
	"slices"
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// API Gateway v2: AWS::ApiGatewayV2::Api, joined by its routes and API
// mappings, becomes aws.apigatewayv2.api; AWS::ApiGatewayV2::Stage
// becomes aws.apigateway.stage with api "v2", as aws_apigatewayv2_stage.
func init() {
	parent("AWS::ApiGatewayV2::Api", model.KindAPIGatewayV2API, func(b *builder) {
		a := model.KindAPIGatewayV2API.Must(b.target)
		if n := b.str("Name", "", ""); n != "" {
			b.r.Name = n
		}
		a.ProtocolType = b.str("ProtocolType", "protocol_type", "")
		a.DisableExecuteAPIEndpoint = b.boolean("DisableExecuteApiEndpoint", "disable_execute_api_endpoint", false)
		a.CustomDomainNames = []string{}
		a.UnauthorizedRoutes = []string{}
		if b.has("Target") {
			// Quick create: a route (RouteKey, else $default) without
			// authorization to the target.
			a.UnauthorizedRoutes = append(a.UnauthorizedRoutes, b.str("RouteKey", "unauthorized_routes", "$default"))
			b.locate("Target", "unauthorized_routes")
		}
	})
	child("AWS::ApiGatewayV2::Route", func(c *builder) {
		for _, p := range c.parentsOf("ApiId", "AWS::ApiGatewayV2::Api") {
			c.onto(p)
			a := model.KindAPIGatewayV2API.Must(c.target)
			key := c.str("RouteKey", "unauthorized_routes", "")
			// A WebSocket API authorizes the connection: only $connect
			// takes an authorizer.
			if c.target.IsUnknown("unauthorized_routes") || a.ProtocolType == "WEBSOCKET" && key != "$connect" {
				continue
			}
			if c.str("AuthorizationType", "unauthorized_routes", "NONE") == "NONE" && !c.target.IsUnknown("unauthorized_routes") {
				a.UnauthorizedRoutes = append(a.UnauthorizedRoutes, key)
				sort.Strings(a.UnauthorizedRoutes)
				c.locate("", "unauthorized_routes")
			}
		}
	})
	child("AWS::ApiGatewayV2::ApiMapping", func(c *builder) {
		for _, p := range c.parentsOf("ApiId", "AWS::ApiGatewayV2::Api") {
			c.onto(p)
			a := model.KindAPIGatewayV2API.Must(c.target)
			if d := refOrStr(c, "DomainName", "custom_domain_names"); d != "" && !slices.Contains(a.CustomDomainNames, d) {
				a.CustomDomainNames = append(a.CustomDomainNames, d)
				sort.Strings(a.CustomDomainNames)
			}
		}
	})

	parent("AWS::ApiGatewayV2::Stage", model.KindAPIGatewayStage, func(b *builder) {
		a := model.KindAPIGatewayStage.Must(b.target)
		a.Name = b.str("StageName", "name", "")
		if a.Name != "" {
			b.r.Name = a.Name
		}
		a.AccessLogsEnabled = b.has("AccessLogSettings.DestinationArn")
		if a.AccessLogsEnabled {
			b.locate("AccessLogSettings", "access_logs_enabled")
		}
		a.API = "v2"
	})
}
