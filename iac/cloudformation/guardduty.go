package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::GuardDuty::Detector", model.KindGuardDutyDetector, func(b *builder) {
		model.KindGuardDutyDetector.Must(b.target).Enabled = b.boolean("Enable", "enabled", false)
	})
}
