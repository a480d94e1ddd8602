package model

// Kinds of this service.
var (
	KindLambdaFunction = NewKind[LambdaFunction]("aws.lambda.function", "Lambda function with its resource policy and URL")
)

// LambdaPermission is one statement of a function's resource policy.
type LambdaPermission struct {
	StatementID         string `json:"statement_id"`
	Action              string `json:"action"`
	Principal           string `json:"principal"`
	SourceARN           string `json:"source_arn"`
	SourceAccount       string `json:"source_account"`
	PrincipalOrg        string `json:"principal_org_id"`
	FunctionURLAuthType string `json:"function_url_auth_type"`
}

// LambdaFunction is kind aws.lambda.function.
type LambdaFunction struct {
	Name                string             `json:"name"`
	Runtime             string             `json:"runtime"`
	Role                string             `json:"role"`
	KMSKeyARN           string             `json:"kms_key_arn"`
	TracingMode         string             `json:"tracing_mode" doc:"Active or PassThrough"`
	EnvironmentVarNames []string           `json:"environment_variable_names"`
	Permissions         []LambdaPermission `json:"permissions"`
	URLAuthType         string             `json:"url_auth_type" doc:"NONE or AWS_IAM; empty when the function has no URL"`
	VPCConfigured       bool               `json:"vpc_configured"`
	SecretsFound        []SecretFinding    `json:"secrets_found" doc:"secrets found in environment variable values (kind and variable name, never the value)"`
	PackageType         string             `json:"package_type" doc:"Zip or Image (a container image: code signing does not apply)"`
	DeadLetterTargetARN string             `json:"dead_letter_target_arn" doc:"SQS queue or SNS topic that receives events whose asynchronous invocation failed; empty when none"`
	OnFailureDest       string             `json:"on_failure_destination" doc:"destination of failed asynchronous invocations of the unqualified function (its event invoke configuration); empty when none"`
	ReservedConcurrency int                `json:"reserved_concurrent_executions" doc:"concurrency reserved for the function; -1 when none is reserved (it draws on the account's unreserved pool)"`
	CodeSigningConfig   string             `json:"code_signing_config_arn" doc:"ARN of the code signing configuration attached; empty when none"`
}
