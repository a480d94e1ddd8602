package tfaws

import "github.com/vigil-sec/vigil/model"

// CloudWatch Logs: aws_cloudwatch_log_group becomes aws.logs.log_group.
func init() {
	registerParent("aws_cloudwatch_log_group", "aws.logs.log_group", func(b *Builder) {
		a := b.R.Attributes.(*model.CloudWatchLogGroup)
		a.Name = b.NameFrom("name", "name_prefix")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.RetentionInDays = b.Int("retention_in_days", "retention_in_days", 0)
	})
}
