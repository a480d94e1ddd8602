package tfaws

import "github.com/vigil-sec/vigil/model"

// GuardDuty detectors.
func init() {
	registerParent("aws_guardduty_detector", model.KindGuardDutyDetector, func(b *Builder) {
		a := model.KindGuardDutyDetector.Must(b.R)
		a.Enabled = b.Bool("enable", "enabled", true)
	})
}
