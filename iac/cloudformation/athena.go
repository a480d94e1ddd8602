package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Athena::WorkGroup", model.KindAthenaWorkGroup, func(b *builder) {
		a := model.KindAthenaWorkGroup.Must(b.target)
		a.Enabled = b.str("State", "enabled", "ENABLED") == "ENABLED"
		// Unset, the enforcement is AWS's default, which its references do
		// not state: unknown. Metrics off and results unencrypted unless set.
		a.EnforceConfiguration = b.boolean("WorkGroupConfiguration.EnforceWorkGroupConfiguration", "enforce_configuration", false)
		if !b.has("WorkGroupConfiguration.EnforceWorkGroupConfiguration") {
			b.r.MarkUnknown("enforce_configuration")
		}
		a.PublishMetrics = b.boolean("WorkGroupConfiguration.PublishCloudWatchMetricsEnabled", "publish_cloudwatch_metrics", false)
		a.ResultEncryption = b.str("WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption", "result_encryption", "")
	})
}
