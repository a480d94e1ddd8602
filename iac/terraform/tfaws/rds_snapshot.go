package tfaws

import (
	"slices"

	"github.com/vigil-sec/vigil/model"
)

// Manual DB snapshots and DB cluster snapshots. A snapshot is encrypted
// when its source instance or cluster is, which the snapshot resource does
// not say.
func init() {
	registerParent("aws_db_snapshot", model.KindRDSSnapshot, func(b *Builder) {
		a := model.KindRDSSnapshot.Must(b.R)
		a.Public = slices.Contains(b.Strings("shared_accounts", "public"), "all")
		b.R.MarkUnknown("encrypted")
	})
	registerParent("aws_db_cluster_snapshot", model.KindRDSClusterSnapshot, func(b *Builder) {
		a := model.KindRDSClusterSnapshot.Must(b.R)
		a.Public = slices.Contains(b.Strings("shared_accounts", "public"), "all")
		b.R.MarkUnknown("encrypted")
	})
}
