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

// KindAPIGatewayRestAPI is a REST API (API Gateway v1) with its methods
// and authorizers; its stages are aws.apigateway.stage.
var KindAPIGatewayRestAPI = NewKind[APIGatewayRestAPI]("aws.apigateway.rest_api", "API Gateway REST API")

// APIGatewayRestAPI is kind aws.apigateway.rest_api.
type APIGatewayRestAPI struct {
	EndpointTypes []string               `json:"endpoint_types" doc:"EDGE, REGIONAL or PRIVATE (an API has one)"`
	Methods       []APIGatewayMethod     `json:"methods" doc:"every method of every resource of the API"`
	Authorizers   []APIGatewayAuthorizer `json:"authorizers" doc:"the API's Lambda (TOKEN, REQUEST) and Cognito (COGNITO_USER_POOLS) authorizers"`
	Policy        *PolicyDocument        `json:"policy" doc:"the API's resource policy; null when it has none"`
}

// APIGatewayMethod is one method of a REST API resource.
type APIGatewayMethod struct {
	Path              string `json:"path" doc:"the resource path, / for the root resource"`
	HTTPMethod        string `json:"http_method" doc:"GET, POST, ..., OPTIONS or ANY"`
	AuthorizationType string `json:"authorization_type" doc:"NONE, AWS_IAM, CUSTOM (a Lambda authorizer) or COGNITO_USER_POOLS"`
	AuthorizerID      string `json:"authorizer_id" doc:"the authorizer of a CUSTOM or COGNITO_USER_POOLS method; empty when none"`
	APIKeyRequired    bool   `json:"api_key_required" doc:"callers must send an API key of a usage plan"`
}

// APIGatewayAuthorizer is one authorizer of a REST API.
type APIGatewayAuthorizer struct {
	ID   string `json:"id" doc:"what a method's authorizer_id names (IaC: the authorizer's address, as the method's reference gives it)"`
	Name string `json:"name"`
	Type string `json:"type" doc:"TOKEN, REQUEST or COGNITO_USER_POOLS"`
}
