package tfaws

import (
	"slices"

	"github.com/vigil-sec/vigil/model"
)

// Manual DB snapshots. A snapshot is encrypted when its source instance
// is, which the snapshot resource does not say.
func init() {
	registerParent("aws_db_snapshot", model.KindRDSSnapshot, func(b *Builder) {
		a := model.KindRDSSnapshot.Must(b.R)
		a.Public = slices.Contains(b.Strings("shared_accounts", "public"), "all")
		b.R.MarkUnknown("encrypted")
	})
}
