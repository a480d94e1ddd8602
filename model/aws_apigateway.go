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
	API               string `json:"api" doc:"rest for a REST API (API Gateway v1) stage, v2 for an HTTP or WebSocket API stage (IaC), which has no cache, X-Ray tracing, WAF or client certificate"`
	CacheEnabled      bool   `json:"cache_cluster_enabled" doc:"the stage has a cache cluster"`
	ClientCertificate string `json:"client_certificate_id" doc:"the client certificate API Gateway presents to the backend; empty when none"`
	// ExecutionLoggingLevel is the CloudWatch execution logging level of
	// the stage's */* method setting, which every method without a
	// setting of its own follows: OFF, ERROR or INFO. OFF when there is
	// no */* setting; empty for v2 stages.
	ExecutionLoggingLevel string `json:"execution_logging_level" doc:"REST stages: the */* method setting's execution logging level (OFF, ERROR, INFO), OFF when none; empty for v2 stages"`
	// ExecutionLoggingOffMethods are the method paths (resource/METHOD)
	// whose own setting turns execution logging off.
	ExecutionLoggingOffMethods []string `json:"execution_logging_off_methods" doc:"REST stages: method paths whose own method setting has execution logging OFF"`
}
