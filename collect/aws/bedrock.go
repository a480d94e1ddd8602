package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrock"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("bedrock", false, collectBedrock) }

// collectBedrock reads the account's model invocation logging in the
// region (GetModelInvocationLoggingConfiguration) into one
// aws.bedrock.invocation_logging: no configuration means no logging.
func collectBedrock(ctx context.Context, s *scope) {
	client := bedrock.NewFromConfig(s.Config())
	a := &model.BedrockInvocationLogging{}
	var raw any
	var rels []model.Relation
	rd := s.reads("arn:" + svcPartition(s.region) + ":bedrock:" + s.region + ":" + s.account + ":model-invocation-logging")
	// The configuration is all the resource is: unread, there is none
	// (the failure names it, so its old findings are not resolved).
	read := rd.call("GetModelInvocationLoggingConfiguration", []string{"enabled", "cloudwatch", "s3"}, func() error {
		out, err := client.GetModelInvocationLoggingConfiguration(ctx, &bedrock.GetModelInvocationLoggingConfigurationInput{})
		if err != nil {
			return err
		}
		raw = out.LoggingConfig
		if c := out.LoggingConfig; c != nil {
			if cw := c.CloudWatchConfig; cw != nil && aws.ToString(cw.LogGroupName) != "" {
				a.CloudWatch = true
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: aws.ToString(cw.LogGroupName)})
			}
			if s3 := c.S3Config; s3 != nil && aws.ToString(s3.BucketName) != "" {
				a.S3 = true
				rels = append(rels, model.Relation{Type: model.RelLogsTo, Target: aws.ToString(s3.BucketName)})
			}
		}
		a.Enabled = a.CloudWatch || a.S3
		return nil
	})
	if !read {
		return
	}
	rd.add(model.KindBedrockInvocationLogging.With(a), "Amazon Bedrock invocation logging ("+s.region+")", raw, nil, rels...)
}
