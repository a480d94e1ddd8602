package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// The whole snapshot is one transaction: readers see the previous
// snapshot until Commit, and a crash or Abort leaves nothing of it.
// Resources are compared as they stream in against the scope's current
// versions (held in memory as id -> hash, a few dozen bytes each), so
// only new and changed resources are written.

// batchRows is how many rows one multi-row INSERT carries.
const batchRows = 400

type writer struct {
	s        *db
	tx       *sql.Tx
	meta     SnapshotMeta
	id, prev int64
	done     bool

	current  map[string]*currentVersion // resource id -> open version of the scope
	unknowns map[string]bool            // resources put with unknown attributes
	pending  []pendingVersion
	closes   []int64
	units    []model.UnitOutcome

	existing map[string]*findingRow // fingerprint -> stored finding of the scope
	verdicts map[string]*verdict    // fingerprint -> this snapshot's verdict

	stats Stats
	h     *hasher

	// loaded is closed once the scope's current versions and findings are
	// read (loadErr says whether that worked). They load while the caller
	// starts putting resources, whose hashing needs none of it: on a
	// rescan, loading and hashing are most of the work.
	loaded  chan struct{}
	loadErr error
}

type currentVersion struct {
	id   int64 // 0 while written by this snapshot
	hash string
	seen bool
}

type pendingVersion struct {
	r    *model.Resource
	hash string
	doc  []byte
}

// Begin implements Store.
func (s *db) Begin(ctx context.Context, meta SnapshotMeta) (Writer, error) {
	if meta.Scope == "" {
		return nil, errors.New("store: a snapshot needs a scope")
	}
	if meta.Started.IsZero() {
		meta.Started = time.Now()
	}
	meta.Started = meta.Started.UTC()
	meta.Scope = s.d.text(meta.Scope)
	tx, err := s.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	w := &writer{s: s, tx: tx, meta: meta, current: map[string]*currentVersion{}, unknowns: map[string]bool{},
		existing: map[string]*findingRow{}, verdicts: map[string]*verdict{}, h: newHasher(), loaded: make(chan struct{})}
	if err := w.begin(ctx); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("store: begin snapshot: %w", err)
	}
	go func() {
		defer close(w.loaded)
		if err := w.loadCurrent(ctx); err != nil {
			w.loadErr = fmt.Errorf("store: begin snapshot: %w", err)
		}
	}()
	return w, nil
}

// ready waits until the scope's current state is loaded: nothing else
// may use the transaction before.
func (w *writer) ready() error {
	<-w.loaded
	return w.loadErr
}

func (w *writer) begin(ctx context.Context) error {
	s := w.s
	if err := s.d.lockScope(ctx, w.tx, w.meta.Scope); err != nil {
		return err
	}
	var prev sql.NullInt64
	if err := w.tx.QueryRowContext(ctx, s.q("SELECT MAX(id) FROM vigil_snapshots WHERE scope = ?"), w.meta.Scope).Scan(&prev); err != nil {
		return err
	}
	w.prev = prev.Int64
	targets, _ := json.Marshal(nonNil(w.meta.Targets))
	err := w.tx.QueryRowContext(ctx, s.q(`INSERT INTO vigil_snapshots (scope, source, targets, started_at, finished_at, vigil_version, rules_digest)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		w.meta.Scope, w.meta.Source, string(targets), w.meta.Started, w.meta.Started, w.meta.VigilVersion, w.meta.RulesDigest).Scan(&w.id)
	if err != nil {
		return err
	}
	w.stats.RowsWritten++
	return nil
}

// loadCurrent reads the scope's open resource versions and its findings.
func (w *writer) loadCurrent(ctx context.Context) error {
	s := w.s
	rows, err := w.tx.QueryContext(ctx, s.q(`SELECT id, resource_id, hash FROM vigil_resource_versions`+
		s.d.indexedBy("vigil_rv_current_cover")+` WHERE scope = ? AND valid_to IS NULL`), w.meta.Scope)
	if err != nil {
		return err
	}
	for rows.Next() {
		var rid string
		cv := &currentVersion{}
		if err := rows.Scan(&cv.id, &rid, &cv.hash); err != nil {
			rows.Close()
			return err
		}
		w.current[rid] = cv
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return w.loadFindings(ctx)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// PutResources implements Writer.
func (w *writer) PutResources(ctx context.Context, rs ...*model.Resource) error {
	if w.done {
		return errors.New("store: snapshot already committed or aborted")
	}
	// Hash first, on every core: it needs nothing loaded, so it overlaps
	// the loading.
	hashes := make([]string, len(rs))
	errs := make([]error, len(rs))
	onEveryCore(len(rs), 512, func(lo, hi int) {
		h := newHasher()
		for i := lo; i < hi; i++ {
			if r := rs[i]; r != nil && r.ID != "" {
				hashes[i], _, errs[i] = h.hash(r)
			}
		}
	})
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("store: resource %s: %w", rs[i].ID, err)
		}
	}
	if err := w.ready(); err != nil {
		return err
	}
	for i, r := range rs {
		if r == nil || r.ID == "" {
			continue
		}
		id := w.s.d.text(r.ID) // as stored
		cv := w.current[id]
		if cv != nil && cv.seen {
			continue // the same id twice in one scan: the first one stands
		}
		w.stats.Resources++
		if len(r.Unknown) > 0 {
			w.unknowns[id] = true
		}
		hash := hashes[i]
		if cv != nil && cv.hash == hash {
			cv.seen = true
			continue
		}
		// Changed or new: encode again for the document (rare on a rescan).
		_, docOf, err := w.h.hash(r)
		if err != nil {
			return fmt.Errorf("store: resource %s: %w", r.ID, err)
		}
		doc, err := docOf()
		if err != nil {
			return fmt.Errorf("store: resource %s: %w", r.ID, err)
		}
		if cv != nil {
			w.closes = append(w.closes, cv.id)
		}
		w.current[id] = &currentVersion{hash: hash, seen: true}
		w.pending = append(w.pending, pendingVersion{r: r, hash: hash, doc: doc})
		if len(w.pending) >= batchRows {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush closes replaced versions, then inserts the pending ones (the
// unique index on open versions wants that order).
func (w *writer) flush(ctx context.Context) error {
	if err := w.closeVersions(ctx, w.closes); err != nil {
		return err
	}
	w.closes = w.closes[:0]
	if len(w.pending) == 0 {
		return nil
	}
	const cols = 12
	args := make([]any, 0, len(w.pending)*cols)
	var b strings.Builder
	b.WriteString("INSERT INTO vigil_resource_versions (scope, resource_id, kind, provider, account, region, source, name, file, hash, doc, valid_from) VALUES ")
	for i, p := range w.pending {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?)")
		file := ""
		if p.r.Location != nil {
			file = p.r.Location.File
		}
		t := w.s.d.text
		args = append(args, t(w.meta.Scope), t(p.r.ID), t(p.r.Kind), t(p.r.Provider), t(p.r.Account), t(p.r.Region), t(p.r.Source),
			t(p.r.Name), t(file), p.hash, w.s.d.json(p.doc), w.id)
	}
	if _, err := w.tx.ExecContext(ctx, w.s.q(b.String()), args...); err != nil {
		return fmt.Errorf("store: writing resources: %w", err)
	}
	w.stats.VersionsAdded += len(w.pending)
	w.stats.RowsWritten += len(w.pending)
	clear(w.pending)
	w.pending = w.pending[:0]
	return nil
}

func (w *writer) closeVersions(ctx context.Context, ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, 0, n+1)
		args = append(args, w.id)
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		q := "UPDATE vigil_resource_versions SET valid_to = ? WHERE id IN (?" + strings.Repeat(",?", n-1) + ")"
		if _, err := w.tx.ExecContext(ctx, w.s.q(q), args...); err != nil {
			return fmt.Errorf("store: closing resource versions: %w", err)
		}
		w.stats.VersionsClosed += n
		w.stats.RowsWritten += n
		ids = ids[n:]
	}
	return nil
}

// PutUnits implements Writer.
func (w *writer) PutUnits(_ context.Context, us ...model.UnitOutcome) error {
	if w.done {
		return errors.New("store: snapshot already committed or aborted")
	}
	if err := w.ready(); err != nil {
		return err
	}
	w.units = append(w.units, us...)
	return nil
}

// unread is what this snapshot could not read: the (kind, account,
// region) that failed units could not list (region "" stands for every
// region), and the IaC files that could not be parsed.
type unread struct {
	kinds map[[2]string][]string
	files map[string]bool
}

func unreadOf(units []model.UnitOutcome, files []string) unread {
	u := unread{kinds: map[[2]string][]string{}, files: map[string]bool{}}
	for _, o := range units {
		kinds := o.Unread
		if o.Status == model.UnitFailed && len(kinds) == 0 {
			kinds = o.Kinds
		}
		for _, k := range kinds {
			key := [2]string{k, o.Account}
			u.kinds[key] = append(u.kinds[key], o.Region)
		}
	}
	for _, f := range files {
		if f != "" {
			u.files[f] = true
		}
	}
	return u
}

func (u unread) empty() bool { return len(u.kinds) == 0 && len(u.files) == 0 }

// covers reports whether a resource of kind in account and region,
// declared in file (IaC), was not read.
func (u unread) covers(kind, account, region, file string) bool {
	if file != "" && u.files[file] {
		return true
	}
	for _, r := range u.kinds[[2]string{kind, account}] {
		if r == "" || r == region {
			return true
		}
	}
	return false
}

// Commit implements Writer.
func (w *writer) Commit(ctx context.Context, finished time.Time) (Snapshot, error) {
	if w.done {
		return Snapshot{}, errors.New("store: snapshot already committed or aborted")
	}
	if err := w.ready(); err != nil {
		w.Abort()
		return Snapshot{}, err
	}
	snap, err := w.commit(ctx, finished)
	if err != nil {
		w.Abort()
		return Snapshot{}, err
	}
	return snap, nil
}

func (w *writer) commit(ctx context.Context, finished time.Time) (Snapshot, error) {
	if finished.IsZero() {
		finished = time.Now()
	}
	finished = finished.UTC()
	if err := w.flush(ctx); err != nil {
		return Snapshot{}, err
	}
	un := unreadOf(w.units, w.meta.UnreadFiles)
	if err := w.writeUnits(ctx, un); err != nil {
		return Snapshot{}, err
	}
	// Resources not read in this snapshot: gone, unless a failed unit
	// should have listed them; then they stay, stale.
	var unseen []int64
	for _, cv := range w.current {
		if !cv.seen {
			unseen = append(unseen, cv.id)
		}
	}
	gone, err := w.gone(ctx, unseen, un)
	if err != nil {
		return Snapshot{}, err
	}
	w.stats.StaleResources = len(unseen) - len(gone)
	w.stats.Resources += w.stats.StaleResources
	if err := w.closeVersions(ctx, gone); err != nil {
		return Snapshot{}, err
	}
	if err := w.lifecycle(ctx, un, finished); err != nil {
		return Snapshot{}, err
	}
	st := w.stats
	_, err = w.tx.ExecContext(ctx, w.s.q(`UPDATE vigil_snapshots SET finished_at = ?, resources = ?, stale_resources = ?,
		versions_added = ?, versions_closed = ?, findings_open = ?, findings_new = ?, findings_resolved = ?,
		findings_reopened = ?, findings_stale = ?, units_failed = ? WHERE id = ?`),
		finished, st.Resources, st.StaleResources, st.VersionsAdded, st.VersionsClosed, st.FindingsOpen, st.FindingsNew,
		st.FindingsResolved, st.FindingsReopened, st.FindingsStale, st.UnitsFailed, w.id)
	if err != nil {
		return Snapshot{}, err
	}
	if err := w.tx.Commit(); err != nil {
		return Snapshot{}, fmt.Errorf("store: commit: %w", err)
	}
	w.done = true
	return Snapshot{ID: w.id, Scope: w.meta.Scope, Source: w.meta.Source, Targets: nonNil(w.meta.Targets),
		Started: w.meta.Started, Finished: finished, VigilVersion: w.meta.VigilVersion, RulesDigest: w.meta.RulesDigest, Stats: st}, nil
}

// gone are the versions, of those not read again, that no failed unit
// covers: their resources were deleted.
func (w *writer) gone(ctx context.Context, unseen []int64, un unread) ([]int64, error) {
	if un.empty() {
		return unseen, nil
	}
	var gone []int64
	for len(unseen) > 0 {
		n := min(len(unseen), 500)
		args := make([]any, n)
		for i, id := range unseen[:n] {
			args[i] = id
		}
		rows, err := w.tx.QueryContext(ctx, w.s.q("SELECT id, kind, account, region, file FROM vigil_resource_versions WHERE id IN (?"+strings.Repeat(",?", n-1)+")"), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var kind, account, region, file string
			if err := rows.Scan(&id, &kind, &account, &region, &file); err != nil {
				rows.Close()
				return nil, err
			}
			if !un.covers(kind, account, region, file) {
				gone = append(gone, id)
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		unseen = unseen[n:]
	}
	return gone, nil
}

func (w *writer) writeUnits(ctx context.Context, un unread) error {
	for i := 0; i < len(w.units); i += batchRows {
		batch := w.units[i:min(i+batchRows, len(w.units))]
		var b strings.Builder
		b.WriteString("INSERT INTO vigil_units (snapshot_id, provider, account, region, service, status, kinds, unread, resources, errors) VALUES ")
		args := make([]any, 0, len(batch)*10)
		for j, o := range batch {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?,?,?,?,?,?,?,?,?,?)")
			kinds, _ := json.Marshal(nonNil(o.Kinds))
			unr, _ := json.Marshal(nonNil(o.Unread))
			args = append(args, w.id, o.Provider, o.Account, o.Region, o.Service, string(o.Status), string(kinds), string(unr), o.Resources, o.Errors)
			if o.Status == model.UnitFailed {
				w.stats.UnitsFailed++
			}
		}
		if _, err := w.tx.ExecContext(ctx, w.s.q(b.String()), args...); err != nil {
			return fmt.Errorf("store: writing units: %w", err)
		}
		w.stats.RowsWritten += len(batch)
	}
	var args []any
	n := 0
	for key, regions := range un.kinds {
		for _, r := range regions {
			args = append(args, w.id, key[0], key[1], r, "")
			n++
		}
	}
	for f := range un.files {
		args = append(args, w.id, "", "", "", f)
		n++
	}
	for i := 0; i < n; i += batchRows {
		m := min(batchRows, n-i)
		q := "INSERT INTO vigil_unread (snapshot_id, kind, account, region, file) VALUES (?,?,?,?,?)" + strings.Repeat(",(?,?,?,?,?)", m-1)
		if _, err := w.tx.ExecContext(ctx, w.s.q(q), args[i*5:(i+m)*5]...); err != nil {
			return fmt.Errorf("store: writing unread kinds: %w", err)
		}
		w.stats.RowsWritten += m
	}
	return nil
}

// Abort implements Writer.
func (w *writer) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	<-w.loaded // the loading must be off the transaction
	err := w.tx.Rollback()
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// SaveScan stores one scan as a snapshot: the resources read, the
// findings judged (every verdict, passes included where the caller has
// them, and no severity floor: a finding missing from a scan that read
// its resource is taken as resolved) and the outcome of every collection
// unit (none for IaC).
func SaveScan(ctx context.Context, st Store, meta SnapshotMeta, resources []*model.Resource, findings []model.Finding,
	units []model.UnitOutcome, finished time.Time) (Snapshot, error) {
	w, err := st.Begin(ctx, meta)
	if err != nil {
		return Snapshot{}, err
	}
	if err := w.PutResources(ctx, resources...); err != nil {
		w.Abort()
		return Snapshot{}, err
	}
	if err := w.PutUnits(ctx, units...); err != nil {
		w.Abort()
		return Snapshot{}, err
	}
	if err := w.PutFindings(ctx, findings...); err != nil {
		w.Abort()
		return Snapshot{}, err
	}
	return w.Commit(ctx, finished)
}

// onEveryCore splits n items into one range per core (fewer when there
// are fewer than per items each) and runs work on the ranges at once.
func onEveryCore(n, per int, work func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/per))
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(lo, min(lo+chunk, n))
		}()
	}
	wg.Wait()
}
