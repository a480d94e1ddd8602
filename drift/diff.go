package drift

import (
	"time"

	"github.com/vigil-sec/vigil/model"
)

// Snapshot is one side of a diff: an inventory, its findings, and the
// outcome of every unit that collected it.
type Snapshot struct {
	ID        string
	Scope     string
	Taken     time.Time
	Resources []*model.Resource
	Findings  []model.Finding
	// Units are the outcomes of the collection (nil for IaC, or when the
	// source reports none).
	Units []model.UnitOutcome
}

// SnapshotInfo names a snapshot in a diff.
type SnapshotInfo struct {
	ID        string    `json:"id"`
	Scope     string    `json:"scope,omitempty"`
	Taken     time.Time `json:"taken,omitzero"`
	Resources int       `json:"resources"`
	// FailedUnits counts units of collection that failed or left kinds
	// unread: what they hold is not compared.
	FailedUnits int `json:"failed_units,omitempty"`
}

// Diff is the comparison of two snapshots.
type Diff struct {
	Before    SnapshotInfo `json:"before"`
	After     SnapshotInfo `json:"after"`
	Resources ResourceDiff `json:"resources"`
	Findings  FindingDiff  `json:"findings"`
}

// Compare diffs two snapshots. resolved holds the keys of findings
// resolved before `before` (the store's lifecycle), so that one failing
// again is reported reopened; nil when unknown.
func Compare(before, after *Snapshot, resolved map[model.FindingKey]bool) *Diff {
	return &Diff{
		Before:    info(before),
		After:     info(after),
		Resources: Resources(before.Resources, after.Resources, after.Units),
		Findings: Findings(before.Findings, after.Findings, FindingOptions{
			Resolved: resolved, Units: after.Units, After: after.Resources}),
	}
}

func info(s *Snapshot) SnapshotInfo {
	i := SnapshotInfo{ID: s.ID, Scope: s.Scope, Taken: s.Taken, Resources: len(s.Resources)}
	for _, u := range s.Units {
		if u.Status == model.UnitFailed || len(u.Unread) > 0 {
			i.FailedUnits++
		}
	}
	return i
}
