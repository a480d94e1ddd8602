package scan

import (
	"context"
	"time"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// keep stores a judged scan as a snapshot and returns its id. Files that
// could not be parsed are named unread, so their resources and findings
// stay (stale) rather than look removed and resolved; a live source's unit
// outcomes do the same for what a collector could not read.
func keep(ctx context.Context, st store.Store, in *Input, findings []model.Finding, start, finished time.Time) (int64, error) {
	if in.NothingScanned != "" {
		// A scan that read nothing says nothing about what exists: stored,
		// it would look like everything was deleted and fixed.
		return 0, nil
	}
	bi := buildinfo.Get()
	meta := store.SnapshotMeta{Scope: in.Scope, Source: in.Kind, Targets: in.Targets, Started: start,
		VigilVersion: bi.Version, RulesDigest: bi.RulesDigest}
	if meta.Scope == "" {
		meta.Scope = store.IaCScope(in.Targets)
	}
	seen := map[string]bool{}
	for _, e := range in.Errors {
		if e.File != "" && !seen[e.File] {
			seen[e.File] = true
			meta.UnreadFiles = append(meta.UnreadFiles, e.File)
		}
	}
	snap, err := store.SaveScan(ctx, st, meta, in.Resources, findings, in.Units, finished)
	if err != nil {
		return 0, err
	}
	return snap.ID, nil
}
