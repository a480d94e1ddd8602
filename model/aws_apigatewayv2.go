package model

// Kinds of this service. Its stages are aws.apigateway.stage with api
// "v2", judged by the stage rules with the REST API stages.
var (
	KindAPIGatewayV2API = NewKind[APIGatewayV2API]("aws.apigatewayv2.api", "API Gateway HTTP or WebSocket API (v2)")
)

// APIGatewayV2API is kind aws.apigatewayv2.api.
type APIGatewayV2API struct {
	ProtocolType              string   `json:"protocol_type" doc:"HTTP or WEBSOCKET"`
	DisableExecuteAPIEndpoint bool     `json:"disable_execute_api_endpoint" doc:"the default execute-api endpoint is turned off, so clients reach the API only through its custom domain names"`
	CustomDomainNames         []string `json:"custom_domain_names" doc:"custom domain names with an API mapping to this API"`
	UnauthorizedRoutes        []string `json:"unauthorized_routes" doc:"route keys whose authorization type is NONE (for a WebSocket API only $connect, the one route that takes authorization)"`
}
