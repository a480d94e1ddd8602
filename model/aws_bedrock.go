package model

// Kinds of this service.
var (
	KindBedrockInvocationLogging = NewKind[BedrockInvocationLogging]("aws.bedrock.invocation_logging", "Amazon Bedrock model invocation logging of an account in one region")
)

// BedrockInvocationLogging is kind aws.bedrock.invocation_logging.
type BedrockInvocationLogging struct {
	Enabled    bool `json:"enabled" doc:"model invocations are logged to CloudWatch Logs or S3"`
	CloudWatch bool `json:"cloudwatch" doc:"delivered to a CloudWatch Logs log group"`
	S3         bool `json:"s3" doc:"delivered to an S3 bucket"`
}
