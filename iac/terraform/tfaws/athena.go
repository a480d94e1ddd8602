package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// Athena: aws_athena_workgroup becomes aws.athena.workgroup.
func init() {
	registerParent("aws_athena_workgroup", model.KindAthenaWorkGroup, func(b *Builder) {
		a := model.KindAthenaWorkGroup.Must(b.R)
		b.NameFrom("name")
		a.Enabled = b.String("state", "enabled", "ENABLED") == "ENABLED"
		// Provider defaults: the workgroup's configuration enforced and
		// metrics published, results unencrypted.
		a.EnforceConfiguration = b.Bool("configuration[0].enforce_workgroup_configuration", "enforce_configuration", true)
		a.PublishMetrics = b.Bool("configuration[0].publish_cloudwatch_metrics_enabled", "publish_cloudwatch_metrics", true)
		a.ResultEncryption = b.String("configuration[0].result_configuration[0].encryption_configuration[0].encryption_option", "result_encryption", "")
	})
}
