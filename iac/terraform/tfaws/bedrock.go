package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// Amazon Bedrock: aws_bedrock_model_invocation_logging_configuration
// becomes aws.bedrock.invocation_logging.
func init() {
	registerParent("aws_bedrock_model_invocation_logging_configuration", model.KindBedrockInvocationLogging, func(b *Builder) {
		a := model.KindBedrockInvocationLogging.Must(b.R)
		b.R.Name = "Amazon Bedrock invocation logging"
		a.CloudWatch = b.String("logging_config[0].cloudwatch_config[0].log_group_name", "cloudwatch", "") != ""
		a.S3 = b.String("logging_config[0].s3_config[0].bucket_name", "s3", "") != ""
		a.Enabled = a.CloudWatch || a.S3
		// A destination not known before apply is still a destination, but
		// its name alone does not say whether it is set: unknown.
		if !a.Enabled && (b.R.IsUnknown("cloudwatch") || b.R.IsUnknown("s3")) {
			b.R.MarkUnknown("enabled")
		}
	})
}
