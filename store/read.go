package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/model"
)

const snapshotCols = `id, scope, source, targets, started_at, finished_at, vigil_version, rules_digest, resources, stale_resources,
	versions_added, versions_closed, findings_open, findings_new, findings_resolved, findings_reopened, findings_stale, units_failed`

func scanSnapshot(sc interface{ Scan(...any) error }) (Snapshot, error) {
	var s Snapshot
	var targets string
	var started, finished dbTime
	st := &s.Stats
	err := sc.Scan(&s.ID, &s.Scope, &s.Source, &targets, &started, &finished, &s.VigilVersion, &s.RulesDigest,
		&st.Resources, &st.StaleResources, &st.VersionsAdded, &st.VersionsClosed, &st.FindingsOpen, &st.FindingsNew,
		&st.FindingsResolved, &st.FindingsReopened, &st.FindingsStale, &st.UnitsFailed)
	if err != nil {
		return s, err
	}
	s.Started, s.Finished = started.t, finished.t
	if err := json.Unmarshal([]byte(targets), &s.Targets); err != nil {
		return s, fmt.Errorf("snapshot %d: targets: %w", s.ID, err)
	}
	return s, nil
}

// Snapshots implements Store.
func (s *db) Snapshots(ctx context.Context, f SnapshotFilter) ([]Snapshot, error) {
	q := "SELECT " + snapshotCols + " FROM vigil_snapshots WHERE 1 = 1"
	var args []any
	if f.ID != 0 {
		q += " AND id = ?"
		args = append(args, f.ID)
	}
	if f.Scope != "" {
		q += " AND scope = ?"
		args = append(args, f.Scope)
	}
	q += " ORDER BY id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.sql.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Snapshot
	for rows.Next() {
		sn, err := scanSnapshot(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sn)
	}
	return out, rows.Err()
}

// Latest implements Store.
func (s *db) Latest(ctx context.Context, scope string) (Snapshot, error) {
	ss, err := s.Snapshots(ctx, SnapshotFilter{Scope: scope, Limit: 1})
	if err != nil {
		return Snapshot{}, err
	}
	if len(ss) == 0 {
		return Snapshot{}, ErrNotFound
	}
	return ss[0], nil
}

// Resources implements Store.
func (s *db) Resources(ctx context.Context, f ResourceFilter) ([]StoredResource, error) {
	var args []any
	var snaps string
	switch {
	case f.Snapshot != 0:
		snaps = "SELECT scope, id FROM vigil_snapshots WHERE id = ?"
		args = append(args, f.Snapshot)
	case f.Scope != "":
		snaps = "SELECT scope, MAX(id) AS id FROM vigil_snapshots WHERE scope = ? GROUP BY scope"
		args = append(args, f.Scope)
	default:
		snaps = "SELECT scope, MAX(id) AS id FROM vigil_snapshots GROUP BY scope"
	}
	q := `SELECT v.scope, s.id, v.doc, v.valid_from,
		EXISTS (SELECT 1 FROM vigil_unread u WHERE u.snapshot_id = s.id
			AND ((u.kind = v.kind AND u.account = v.account AND (u.region = '' OR u.region = v.region))
				OR (u.file <> '' AND u.file = v.file)))
		FROM vigil_resource_versions v JOIN (` + snaps + `) s ON s.scope = v.scope
		WHERE v.valid_from <= s.id AND (v.valid_to IS NULL OR v.valid_to > s.id)`
	for _, c := range []struct{ col, val string }{{"v.kind", f.Kind}, {"v.account", f.Account}, {"v.region", f.Region}} {
		if c.val != "" {
			q += " AND " + c.col + " = ?"
			args = append(args, c.val)
		}
	}
	q += " ORDER BY v.scope, v.kind, v.resource_id"
	// Tags are matched after decoding: a tag key may hold any character,
	// which neither dialect's JSON path syntax takes unquoted.
	if f.Limit > 0 && len(f.Tags) == 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.sql.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StoredResource
	for rows.Next() {
		var sr StoredResource
		var doc []byte
		if err := rows.Scan(&sr.Scope, &sr.Snapshot, &doc, &sr.Since, &sr.Stale); err != nil {
			return nil, err
		}
		r := &model.Resource{}
		if err := json.Unmarshal(doc, r); err != nil {
			return nil, fmt.Errorf("stored resource: %w", err)
		}
		if !tagsMatch(r.Tags, f.Tags) {
			continue
		}
		sr.Resource = r
		out = append(out, sr)
		if f.Limit > 0 && len(out) >= f.Limit {
			break
		}
	}
	return out, rows.Err()
}

func tagsMatch(have, want map[string]string) bool {
	for k, v := range want {
		got, ok := have[k]
		if !ok || (v != "" && got != v) {
			return false
		}
	}
	return true
}

// Findings implements Store.
func (s *db) Findings(ctx context.Context, f FindingFilter) ([]FindingRecord, error) {
	q := `SELECT scope, fingerprint, status, first_seen, last_seen, resolved_at, reopen_count, detail FROM findings WHERE 1 = 1`
	var args []any
	if f.Snapshot != 0 {
		// The status as of the snapshot is the one its last event at or
		// before the snapshot left (events are written on transitions only).
		q = `SELECT scope, fingerprint, status, first_seen, last_seen, resolved_at, reopen_count, detail FROM (` + findingsAt + `) x WHERE 1 = 1`
		args = append(args, f.Snapshot, f.Snapshot)
	}
	for _, c := range []struct{ col, val string }{{"scope", f.Scope}, {"rule_id", f.RuleID}, {"resource_id", f.Resource}} {
		if c.val != "" {
			q += " AND " + c.col + " = ?"
			args = append(args, c.val)
		}
	}
	if len(f.Statuses) > 0 {
		q += " AND status IN (?" + strings.Repeat(",?", len(f.Statuses)-1) + ")"
		for _, st := range f.Statuses {
			args = append(args, st)
		}
	}
	q += " ORDER BY scope, rule_id, resource_id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.sql.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FindingRecord
	for rows.Next() {
		var fr FindingRecord
		var first, last, resolved dbTime
		var detail []byte
		if err := rows.Scan(&fr.Scope, &fr.Fingerprint, &fr.Status, &first, &last, &resolved, &fr.ReopenCount, &detail); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(detail, &fr.Finding); err != nil {
			return nil, fmt.Errorf("stored finding: %w", err)
		}
		fr.FirstSeen, fr.LastSeen, fr.ResolvedAt = first.t, last.t, resolved.t
		fr.Finding.FirstSeen, fr.Finding.LastSeen, fr.Finding.ResolvedAt = first.t, last.t, resolved.t
		out = append(out, fr)
	}
	return out, rows.Err()
}

// Query implements Store.
func (s *db) Query(ctx context.Context, query string, opt QueryOptions) (*QueryResult, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.MaxRows <= 0 {
		opt.MaxRows = 10000
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	tx, err := s.d.readOnly(ctx, s, opt.Timeout)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, queryError(ctx, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &QueryResult{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		if len(res.Rows) >= opt.MaxRows {
			res.Truncated = true
			break
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = plainValue(v)
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, queryError(ctx, err)
	}
	return res, nil
}

func queryError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("query stopped at its time limit: %w", err)
	}
	return err
}

// plainValue turns what a driver scans into JSON-friendly values.
func plainValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case time.Time:
		return x.UTC()
	case int32:
		return int64(x)
	case float32:
		return float64(x)
	case map[string]any, []any:
		// pgx decodes json/jsonb into Go values; give them back as text
		// as SQLite does, so both print alike.
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
	return v
}

// dbTime scans a timestamp from either dialect: a time.Time, or the text
// SQLite hands back for computed columns; NULL is the zero time.
type dbTime struct{ t time.Time }

var timeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"}

func (d *dbTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		d.t = time.Time{}
		return nil
	case time.Time:
		d.t = x.UTC()
		return nil
	case []byte:
		return d.Scan(string(x))
	case string:
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, x); err == nil {
				d.t = t.UTC()
				return nil
			}
		}
		return fmt.Errorf("unreadable time %q", x)
	}
	return fmt.Errorf("unreadable time %T", v)
}

var _ sql.Scanner = (*dbTime)(nil)
