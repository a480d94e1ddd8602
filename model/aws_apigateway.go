package model

// Kinds of this service.
var (
	KindAPIGatewayStage = NewKind[APIGatewayStage]("aws.apigateway.stage", "API Gateway REST API stage")
)

// APIGatewayStage is kind aws.apigateway.stage.
type APIGatewayStage struct {
	Name              string `json:"name"`
	AccessLogsEnabled bool   `json:"access_logs_enabled"`
	XRayTracing       bool   `json:"xray_tracing_enabled"`
	CacheEncrypted    bool   `json:"cache_encrypted"`
	WAFWebACL         string `json:"waf_web_acl"`
}
