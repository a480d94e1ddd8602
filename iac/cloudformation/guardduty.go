package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::GuardDuty::Detector", model.KindGuardDutyDetector, func(b *builder) {
		attrs[model.GuardDutyDetector](b).Enabled = b.boolean("Enable", "enabled", false)
	})
}
