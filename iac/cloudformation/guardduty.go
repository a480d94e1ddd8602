package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::GuardDuty::Detector", "aws.guardduty.detector", func(b *builder) {
		attrs[model.GuardDutyDetector](b).Enabled = b.boolean("Enable", "enabled", false)
	})
}
