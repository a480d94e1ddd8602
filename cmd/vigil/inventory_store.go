package main

import (
	"context"
	"errors"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/drift"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/store"
)

// inventoryCommands are diff, baseline and drift over the store named by
// their --db flag.
func inventoryCommands() []*cobra.Command {
	open := func(cmd *cobra.Command) (inventorySource, func() error, error) {
		dsn, _ := cmd.Flags().GetString("db")
		st, err := openStoreToRead(inventoryContext(cmd), dsn)
		if err != nil {
			return nil, nil, err
		}
		return storeInventory{st}, st.Close, nil
	}
	cmds := []*cobra.Command{newDiffCmd(open), newBaselineCmd(open), newDriftCmd(open)}
	for _, c := range cmds {
		c.PersistentFlags().String("db", "", dbFlagHelp)
	}
	return cmds
}

// storeInventory is the inventorySource of the store. A snapshot is what
// its scan read: the resources it read (not those it kept, stale, from an
// earlier scan because their unit failed: drift reports them unread from
// the units), its findings failing, suppressed or resolved (as passes: a
// finding fixed on a resource still there is resolved, not without a
// verdict; a stale finding had no verdict there), and its units' outcomes.
// AsBefore adds back what it kept stale.
type storeInventory struct{ st store.Store }

// scopeOf is the scope to read: the one named, else the most recent
// scan's (so the only one, when one is stored).
func (s storeInventory) scopeOf(ctx context.Context, scope string) (string, error) {
	if scope != "" {
		return scope, nil
	}
	latest, err := s.st.Latest(ctx, "")
	if errors.Is(err, store.ErrNotFound) {
		return "", usageError("no snapshot stored yet: run a scan first")
	}
	return latest.Scope, err
}

func snapshotID(id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return 0, usageError("%q is no snapshot id: vigil history lists them", id)
	}
	return n, nil
}

func (s storeInventory) Snapshot(ctx context.Context, scope, id string) (*drift.Snapshot, error) {
	n, err := snapshotID(id)
	if err != nil {
		return nil, err
	}
	ss, err := s.st.Snapshots(ctx, store.SnapshotFilter{ID: n})
	if err != nil || len(ss) == 0 {
		return nil, err // none: the caller says so
	}
	if scope != "" && ss[0].Scope != scope {
		return nil, usageError("snapshot %d is of scope %s, not %s", n, ss[0].Scope, scope)
	}
	return s.load(ctx, ss[0], false)
}

func (s storeInventory) AsBefore(ctx context.Context, d *drift.Snapshot) (*drift.Snapshot, error) {
	n, err := snapshotID(d.ID)
	if err != nil {
		return nil, err
	}
	ss, err := s.st.Snapshots(ctx, store.SnapshotFilter{ID: n})
	if err != nil || len(ss) == 0 {
		return d, err
	}
	return s.load(ctx, ss[0], true)
}

func (s storeInventory) Latest(ctx context.Context, scope string, n int) ([]*drift.Snapshot, error) {
	scope, err := s.scopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	ss, err := s.st.Snapshots(ctx, store.SnapshotFilter{Scope: scope, Limit: n})
	if err != nil {
		return nil, err
	}
	out := make([]*drift.Snapshot, 0, len(ss))
	for _, sn := range ss {
		d, err := s.load(ctx, sn, false)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func (s storeInventory) Resolved(ctx context.Context, _, id string) (map[model.FindingKey]bool, error) {
	n, err := snapshotID(id)
	if err != nil {
		return nil, err
	}
	keys, err := s.st.Resolved(ctx, n)
	if err != nil {
		return nil, err
	}
	m := make(map[model.FindingKey]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m, nil
}

func (s storeInventory) Baseline(ctx context.Context, scope string) (*drift.Snapshot, error) {
	scope, err := s.scopeOf(ctx, scope)
	if err != nil {
		return nil, err
	}
	b, err := s.st.Baseline(ctx, scope)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return s.load(ctx, b, false)
}

// SetBaseline pins snapshot id for its own scope (the command has checked
// it against --scope).
func (s storeInventory) SetBaseline(ctx context.Context, _, id string) error {
	n, err := snapshotID(id)
	if err != nil {
		return err
	}
	return s.st.SetBaseline(ctx, n)
}

// load reads a snapshot; withStale adds what its scan kept from earlier
// ones because it could not read it: resources as last read, and their
// findings as still failing.
func (s storeInventory) load(ctx context.Context, sn store.Snapshot, withStale bool) (*drift.Snapshot, error) {
	d := &drift.Snapshot{ID: strconv.FormatInt(sn.ID, 10), Scope: sn.Scope, Taken: sn.Finished}
	var err error
	if d.Units, err = s.st.Units(ctx, sn.ID); err != nil {
		return nil, err
	}
	rs, err := s.st.Resources(ctx, store.ResourceFilter{Snapshot: sn.ID})
	if err != nil {
		return nil, err
	}
	d.Resources = make([]*model.Resource, 0, len(rs))
	for _, r := range rs {
		// Without units (IaC: a file that could not be parsed), drift would
		// take an absent resource for removed: it stays, as last read.
		if withStale || !r.Stale || len(d.Units) == 0 {
			d.Resources = append(d.Resources, r.Resource)
		}
	}
	statuses := []string{store.StatusOpen, store.StatusSuppressed, store.StatusResolved}
	if withStale {
		statuses = append(statuses, store.StatusStale)
	}
	fs, err := s.st.Findings(ctx, store.FindingFilter{Snapshot: sn.ID, Statuses: statuses})
	if err != nil {
		return nil, err
	}
	d.Findings = make([]model.Finding, 0, len(fs))
	for _, f := range fs {
		v := f.Finding
		switch f.Status {
		case store.StatusOpen, store.StatusStale:
			v.Status = model.StatusFail
		case store.StatusSuppressed:
			v.Status = model.StatusSuppressed
		case store.StatusResolved:
			v.Status = model.StatusPass
		}
		d.Findings = append(d.Findings, v)
	}
	return d, nil
}
