package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// What diff and drift read besides resources: a finding's status in any
// snapshot, the units of a snapshot, the findings resolved by then, and a
// baseline per scope. A finding's status in snapshot S is read back from
// its events (the last one at or before S) rather than stored per
// snapshot: the writer records transitions only, so a rescan of an
// unchanged estate still writes no finding row.

// findingsAt selects the findings view's columns with status as of the
// snapshot given twice as arguments: each finding's last event at or
// before it (index vigil_finding_events_at). Events of schema 1 have no
// status: "new" and "reopened" then meant open.
const findingsAt = `SELECT f.scope, f.fingerprint, f.rule_id, f.resource_id,
		COALESCE(e.status, CASE WHEN e.event IN ('new', 'reopened') THEN 'open' ELSE e.event END) AS status,
		f.first_seen, f.last_seen, f.resolved_at, f.reopen_count, f.detail
	FROM findings f JOIN vigil_finding_events e ON e.scope = f.scope AND e.fingerprint = f.fingerprint
	WHERE f.scope = (SELECT scope FROM vigil_snapshots WHERE id = ?)
	AND e.snapshot_id = (SELECT MAX(e2.snapshot_id) FROM vigil_finding_events e2
		WHERE e2.scope = f.scope AND e2.fingerprint = f.fingerprint AND e2.snapshot_id <= ?)`

// Units implements Store.
func (s *db) Units(ctx context.Context, snapshot int64) ([]model.UnitOutcome, error) {
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT provider, account, region, service, status, kinds, unread, resources, errors
		FROM vigil_units WHERE snapshot_id = ? ORDER BY provider, account, region, service`), snapshot)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.UnitOutcome
	for rows.Next() {
		var o model.UnitOutcome
		var status, kinds, unread string
		if err := rows.Scan(&o.Provider, &o.Account, &o.Region, &o.Service, &status, &kinds, &unread, &o.Resources, &o.Errors); err != nil {
			return nil, err
		}
		o.Status = model.UnitStatus(status)
		if err := json.Unmarshal([]byte(kinds), &o.Kinds); err != nil {
			return nil, fmt.Errorf("snapshot %d: unit kinds: %w", snapshot, err)
		}
		if err := json.Unmarshal([]byte(unread), &o.Unread); err != nil {
			return nil, fmt.Errorf("snapshot %d: unit unread kinds: %w", snapshot, err)
		}
		if len(o.Kinds) == 0 {
			o.Kinds = nil
		}
		if len(o.Unread) == 0 {
			o.Unread = nil
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Resolved implements Store.
func (s *db) Resolved(ctx context.Context, snapshot int64) ([]model.FindingKey, error) {
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT f.rule_id, f.resource_id, f.key_scope FROM vigil_findings f
		WHERE f.scope = (SELECT scope FROM vigil_snapshots WHERE id = ?)
		AND EXISTS (SELECT 1 FROM vigil_finding_events e WHERE e.scope = f.scope AND e.fingerprint = f.fingerprint
			AND e.event = 'resolved' AND e.snapshot_id <= ?)
		ORDER BY f.rule_id, f.resource_id`), snapshot, snapshot)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.FindingKey
	for rows.Next() {
		var k model.FindingKey
		if err := rows.Scan(&k.RuleID, &k.Resource, &k.Scope); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// SetBaseline implements Store.
func (s *db) SetBaseline(ctx context.Context, snapshot int64) error {
	var scope string
	err := s.sql.QueryRowContext(ctx, s.q("SELECT scope FROM vigil_snapshots WHERE id = ?"), snapshot).Scan(&scope)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("snapshot %d: %w", snapshot, ErrNotFound)
	}
	if err != nil {
		return err
	}
	_, err = s.sql.ExecContext(ctx, s.q(`INSERT INTO vigil_baselines (scope, snapshot_id, set_at) VALUES (?, ?, ?)
		ON CONFLICT (scope) DO UPDATE SET snapshot_id = excluded.snapshot_id, set_at = excluded.set_at`),
		scope, snapshot, time.Now().UTC())
	return err
}

// Baseline implements Store.
func (s *db) Baseline(ctx context.Context, scope string) (Snapshot, error) {
	row := s.sql.QueryRowContext(ctx, s.q("SELECT "+snapshotCols+" FROM vigil_snapshots WHERE id = (SELECT snapshot_id FROM vigil_baselines WHERE scope = ?)"), scope)
	sn, err := scanSnapshot(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Snapshot{}, ErrNotFound
	}
	return sn, err
}
