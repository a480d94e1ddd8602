package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// The finding lifecycle, decided at Commit for every finding of the scope.
// A finding's identity is model.Finding.Key() (rule, resource, scope), its
// row the fingerprint of that key. With this snapshot's verdict:
//
//	fail        -> open (new, or reopened when it was resolved)
//	suppressed  -> suppressed
//	pass        -> resolved
//	error       -> stale (the rule could not judge: not a pass)
//	none        -> stale when its resource was not read: a failed unit
//	               should have listed it, or the resource has unknown
//	               settings (the rule gave no verdict on them);
//	               resolved otherwise (the resource is gone, or the rule
//	               no longer applies to it).
//
// Only transitions are written: a finding failing scan after scan costs no
// row. last_snapshot stays NULL while a finding is confirmed by the latest
// snapshot (open, suppressed), so last_seen is that snapshot's time; it is
// set to the last confirming snapshot when a finding turns stale or
// resolved.

var zeroTime time.Time

type findingRow struct {
	status     string
	detailHash string
	lastSnap   sql.NullInt64
}

type verdict struct {
	rank   int
	f      model.Finding // only key fields for pass and error
	detail []byte
	hash   string
}

func verdictRank(s model.Status) int {
	switch s {
	case model.StatusFail:
		return 4
	case model.StatusSuppressed:
		return 3
	case model.StatusError:
		return 2
	case model.StatusPass:
		return 1
	}
	return 0
}

func (w *writer) loadFindings(ctx context.Context) error {
	rows, err := w.tx.QueryContext(ctx, w.s.q(`SELECT fingerprint, status, detail_hash, last_snapshot FROM vigil_findings`+w.s.d.indexedBy("vigil_findings_cover")+` WHERE scope = ?`), w.meta.Scope)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var fp string
		r := &findingRow{}
		if err := rows.Scan(&fp, &r.status, &r.detailHash, &r.lastSnap); err != nil {
			return err
		}
		w.existing[fp] = r
	}
	return rows.Err()
}

// PutFindings implements Writer. Of several verdicts with one key (a rule
// failing at two paths of a resource) the strongest stands: fail, then
// suppressed, error, pass.
func (w *writer) PutFindings(_ context.Context, fs ...model.Finding) error {
	if w.done {
		return errors.New("store: snapshot already committed or aborted")
	}
	if err := w.ready(); err != nil {
		return err
	}
	pre := w.prepareFindings(fs)
	for i := range fs {
		f, p := &fs[i], &pre[i]
		rank := verdictRank(f.Status)
		if rank == 0 {
			continue
		}
		if p.err != nil {
			return fmt.Errorf("store: finding %s on %s: %w", f.RuleID, f.Resource.ID, p.err)
		}
		if v := w.verdicts[p.fp]; v != nil && v.rank >= rank {
			continue
		}
		if rank <= 2 {
			// A pass or an error changes only a finding that is open.
			if old := w.existing[p.fp]; old == nil || old.status == StatusResolved {
				continue
			}
		}
		v := &verdict{rank: rank}
		if rank >= 3 {
			v.f, v.hash, v.detail = *f, p.hash, p.detail
			v.f.Evidence, v.f.Compliance = nil, nil // kept in detail
		}
		w.verdicts[p.fp] = v
	}
	return nil
}

// preparedFinding is what one verdict gives on its own: its fingerprint
// and, when it fails, the hash of its detail and the detail itself if it
// is to be written.
type preparedFinding struct {
	fp, hash string
	detail   []byte
	err      error
}

// prepareFindings works out each verdict's fingerprint and detail hash on
// every core (a scan holds one verdict per rule and resource); the
// writer's maps are only read meanwhile.
func (w *writer) prepareFindings(fs []model.Finding) []preparedFinding {
	out := make([]preparedFinding, len(fs))
	work := func(lo, hi int) {
		h := newHasher()
		for i := lo; i < hi; i++ {
			f, p := &fs[i], &out[i]
			rank := verdictRank(f.Status)
			if rank == 0 {
				continue
			}
			p.fp = f.Fingerprint()
			if rank < 3 {
				continue
			}
			hash, detail, err := h.finding(*f)
			if err != nil {
				p.err = err
				continue
			}
			p.hash = hash
			if old := w.existing[p.fp]; old == nil || old.status == StatusResolved || old.detailHash != hash {
				p.detail = detail()
			}
		}
	}
	onEveryCore(len(fs), 1024, work)
	return out
}

// findingEvent is one transition; status is where it leaves the finding.
type findingEvent struct {
	fp, event, status string
}

func (w *writer) lifecycle(ctx context.Context, un unread, now time.Time) error {
	var inserts []string
	var events []findingEvent
	update := func(fp, set string, args ...any) error {
		args = append(args, w.meta.Scope, fp)
		_, err := w.tx.ExecContext(ctx, w.s.q("UPDATE vigil_findings SET "+set+" WHERE scope = ? AND fingerprint = ?"), args...)
		w.stats.RowsWritten++
		return err
	}
	// Transitions many findings share (stale, resolved, a status alone)
	// go out as one UPDATE per 500 findings: a failed region turns
	// thousands stale at once.
	type group struct {
		set  string
		args []any
		fps  []string
	}
	groups := map[string]*group{}
	batched := func(fp, set string, args ...any) error {
		key := set + fmt.Sprintf("%#v", args)
		g := groups[key]
		if g == nil {
			g = &group{set: set, args: args}
			groups[key] = g
		}
		g.fps = append(g.fps, fp)
		return nil
	}
	prev := sql.NullInt64{Int64: w.prev, Valid: w.prev != 0}
	// lastConfirmed is where a finding leaving open or suppressed was last seen.
	lastConfirmed := func(old *findingRow) sql.NullInt64 {
		if old.status == StatusOpen || old.status == StatusSuppressed {
			return prev
		}
		return old.lastSnap
	}
	final := map[string]int{}

	for fp, v := range w.verdicts {
		old := w.existing[fp]
		switch {
		case v.rank >= 3: // fail or suppressed
			status := StatusOpen
			if v.rank == 3 {
				status = StatusSuppressed
			}
			final[status]++
			if old == nil {
				inserts = append(inserts, fp)
				events = append(events, findingEvent{fp, "new", status})
				w.stats.FindingsNew++
				continue
			}
			if old.status == StatusResolved {
				w.stats.FindingsReopened++
				events = append(events, findingEvent{fp, "reopened", status})
				if err := update(fp, `status = ?, last_snapshot = NULL, resolved_snapshot = NULL, resolved_at = NULL,
					reopen_count = reopen_count + 1, severity = ?, title = ?, detail_hash = ?, detail = ?`,
					status, v.f.Severity.String(), w.s.d.text(v.f.Title), v.hash, w.s.d.json(v.detail)); err != nil {
					return err
				}
				continue
			}
			if old.status != status {
				events = append(events, findingEvent{fp, status, status})
			}
			switch {
			case old.detailHash != v.hash:
				if err := update(fp, `status = ?, last_snapshot = NULL, severity = ?, title = ?, detail_hash = ?, detail = ?`,
					status, v.f.Severity.String(), w.s.d.text(v.f.Title), v.hash, w.s.d.json(v.detail)); err != nil {
					return err
				}
			case old.status != status:
				if err := batched(fp, `status = ?, last_snapshot = NULL`, status); err != nil {
					return err
				}
			}
		case old == nil || old.status == StatusResolved:
			// A pass or an error about nothing open: nothing to record.
		case v.rank == 2: // error
			final[StatusStale]++
			if err := w.markStale(fp, old, lastConfirmed(old), batched, &events); err != nil {
				return err
			}
		default: // pass
			final[StatusResolved]++
			if err := w.resolve(fp, lastConfirmed(old), now, batched, &events); err != nil {
				return err
			}
		}
	}

	var silent []string
	for fp, old := range w.existing {
		if old.status != StatusResolved && w.verdicts[fp] == nil {
			silent = append(silent, fp)
		}
	}
	where, err := w.findingResources(ctx, silent)
	if err != nil {
		return err
	}
	for _, fp := range silent {
		old, r := w.existing[fp], where[fp]
		if un.covers(r.kind, r.account, r.region, r.file) || w.unknowns[r.id] {
			final[StatusStale]++
			if err := w.markStale(fp, old, lastConfirmed(old), batched, &events); err != nil {
				return err
			}
			continue
		}
		if err := w.resolve(fp, lastConfirmed(old), now, batched, &events); err != nil {
			return err
		}
	}
	w.stats.FindingsOpen = final[StatusOpen] + final[StatusStale]
	for _, g := range groups {
		for fps := g.fps; len(fps) > 0; {
			n := min(len(fps), 500)
			args := append(append([]any{}, g.args...), w.meta.Scope)
			for _, fp := range fps[:n] {
				args = append(args, fp)
			}
			q := "UPDATE vigil_findings SET " + g.set + " WHERE scope = ? AND fingerprint IN (?" + strings.Repeat(",?", n-1) + ")"
			if _, err := w.tx.ExecContext(ctx, w.s.q(q), args...); err != nil {
				return fmt.Errorf("store: updating findings: %w", err)
			}
			w.stats.RowsWritten += n
			fps = fps[n:]
		}
	}

	if err := w.insertFindings(ctx, inserts, now); err != nil {
		return err
	}
	return w.insertEvents(ctx, events, now)
}

// file is the finding's IaC file (its key's scope), "" for live findings.
type findingResource struct{ kind, account, region, id, file string }

// findingResources reads where the resources of findings are.
func (w *writer) findingResources(ctx context.Context, fps []string) (map[string]findingResource, error) {
	out := make(map[string]findingResource, len(fps))
	for len(fps) > 0 {
		n := min(len(fps), 500)
		args := make([]any, 0, n+1)
		args = append(args, w.meta.Scope)
		for _, fp := range fps[:n] {
			args = append(args, fp)
		}
		rows, err := w.tx.QueryContext(ctx, w.s.q("SELECT fingerprint, resource_kind, account, region, resource_id, key_scope FROM vigil_findings WHERE scope = ? AND fingerprint IN (?"+strings.Repeat(",?", n-1)+")"), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var fp string
			var r findingResource
			if err := rows.Scan(&fp, &r.kind, &r.account, &r.region, &r.id, &r.file); err != nil {
				rows.Close()
				return nil, err
			}
			out[fp] = r
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		fps = fps[n:]
	}
	return out, nil
}

func (w *writer) markStale(fp string, old *findingRow, last sql.NullInt64, update func(string, string, ...any) error, events *[]findingEvent) error {
	w.stats.FindingsStale++
	if old.status == StatusStale {
		return nil
	}
	*events = append(*events, findingEvent{fp, StatusStale, StatusStale})
	return update(fp, "status = ?, last_snapshot = ?", StatusStale, last)
}

func (w *writer) resolve(fp string, last sql.NullInt64, now time.Time, update func(string, string, ...any) error, events *[]findingEvent) error {
	w.stats.FindingsResolved++
	*events = append(*events, findingEvent{fp, StatusResolved, StatusResolved})
	return update(fp, "status = ?, last_snapshot = ?, resolved_snapshot = ?, resolved_at = ?", StatusResolved, last, w.id, now)
}

func (w *writer) insertFindings(ctx context.Context, fps []string, now time.Time) error {
	const cols = 16
	per := min(batchRows, w.s.d.maxParams()/cols)
	for len(fps) > 0 {
		n := min(len(fps), per)
		var b strings.Builder
		b.WriteString(`INSERT INTO vigil_findings (scope, fingerprint, rule_id, resource_id, key_scope, resource_kind, account, region,
			severity, title, status, first_snapshot, first_seen, reopen_count, detail_hash, detail) VALUES `)
		args := make([]any, 0, n*cols)
		for i, fp := range fps[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
			v := w.verdicts[fp]
			f := &v.f
			status := StatusOpen
			if v.rank == 3 {
				status = StatusSuppressed
			}
			t := w.s.d.text
			args = append(args, t(w.meta.Scope), fp, t(f.RuleID), t(f.Resource.ID), t(f.Key().Scope), t(f.Resource.Kind), t(f.Resource.Account),
				t(f.Resource.Region), f.Severity.String(), t(f.Title), status, w.id, now, 0, v.hash, w.s.d.json(v.detail))
		}
		if _, err := w.tx.ExecContext(ctx, w.s.q(b.String()), args...); err != nil {
			return fmt.Errorf("store: writing findings: %w", err)
		}
		w.stats.RowsWritten += n
		fps = fps[n:]
	}
	return nil
}

func (w *writer) insertEvents(ctx context.Context, events []findingEvent, now time.Time) error {
	for len(events) > 0 {
		n := min(len(events), batchRows)
		q := "INSERT INTO vigil_finding_events (scope, fingerprint, snapshot_id, event, status, at) VALUES (?,?,?,?,?,?)" + strings.Repeat(",(?,?,?,?,?,?)", n-1)
		args := make([]any, 0, n*6)
		for _, e := range events[:n] {
			args = append(args, w.meta.Scope, e.fp, w.id, e.event, e.status, now)
		}
		if _, err := w.tx.ExecContext(ctx, w.s.q(q), args...); err != nil {
			return fmt.Errorf("store: writing finding events: %w", err)
		}
		w.stats.RowsWritten += n
		events = events[n:]
	}
	return nil
}
