package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// Amazon Macie: aws_macie2_account becomes aws.macie2.session.
func init() {
	registerParent("aws_macie2_account", model.KindMacieSession, func(b *Builder) {
		a := model.KindMacieSession.Must(b.R)
		b.R.Name = "Amazon Macie"
		// The provider's default status is ENABLED.
		a.Status = b.String("status", "status", "ENABLED")
		a.Enabled = a.Status == "ENABLED"
		if b.R.IsUnknown("status") {
			b.R.MarkUnknown("enabled")
		}
		// Automated discovery is set apart from the account: unknown here.
		b.R.MarkUnknown("automated_discovery")
	})
}
