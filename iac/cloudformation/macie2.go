package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Macie::Session", model.KindMacieSession, func(b *builder) {
		a := model.KindMacieSession.Must(b.target)
		// Status is ENABLED unless set.
		a.Status = b.str("Status", "status", "ENABLED")
		a.Enabled = a.Status == "ENABLED"
		if b.target.IsUnknown("status") {
			b.target.MarkUnknown("enabled")
		}
		// Automated discovery is set apart from the session: unknown here.
		b.target.MarkUnknown("automated_discovery")
	})
}
