package model

// Kinds of this service.
var (
	KindAppSyncGraphQLAPI = NewKind[AppSyncGraphQLAPI]("aws.appsync.graphql_api", "AWS AppSync GraphQL API")
)

// AppSyncGraphQLAPI is kind aws.appsync.graphql_api.
type AppSyncGraphQLAPI struct {
	AuthenticationTypes []string `json:"authentication_types" doc:"the primary authorization mode first, then the additional ones: API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT, AWS_LAMBDA"`
	FieldLogLevel       string   `json:"field_log_level" doc:"field-level resolver logging to CloudWatch Logs: NONE (also when logging is not configured), ERROR, ALL, INFO or DEBUG"`
	WAFWebACL           string   `json:"waf_web_acl" doc:"the AWS WAF web ACL associated with the API; empty when none"`
}
