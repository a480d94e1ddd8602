// Package store keeps Vigil's history: every scan is a snapshot of a
// scope, resources are stored as versions that change only when their
// content does, and findings carry a lifecycle (open, stale, suppressed,
// resolved) from one snapshot to the next. Two backends share one SQL
// schema and one code path: SQLite (modernc.org/sqlite, pure Go, the
// default, one file) and PostgreSQL (pgx); dialect.go holds what differs.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/model"
)

// Store is Vigil's history of snapshots, resources and findings.
type Store interface {
	// Begin starts writing a snapshot of meta.Scope. Nothing of it is
	// visible to readers until Commit; Abort (or a crash) leaves nothing.
	// Writers of one scope take turns; readers never wait.
	Begin(ctx context.Context, meta SnapshotMeta) (Writer, error)

	// Snapshots lists committed snapshots, newest first.
	Snapshots(ctx context.Context, f SnapshotFilter) ([]Snapshot, error)
	// Latest is the newest snapshot of scope (any scope when ""); ErrNotFound when none.
	Latest(ctx context.Context, scope string) (Snapshot, error)
	// Resources lists the resources present in a snapshot (the latest
	// of each scope by default), stale ones included and marked.
	Resources(ctx context.Context, f ResourceFilter) ([]StoredResource, error)
	// Findings lists findings with their lifecycle (as of a snapshot
	// when f.Snapshot is set).
	Findings(ctx context.Context, f FindingFilter) ([]FindingRecord, error)
	// Units lists the collection units' outcomes of a snapshot (none for
	// IaC scans).
	Units(ctx context.Context, snapshot int64) ([]model.UnitOutcome, error)
	// Resolved lists the keys of the findings of the snapshot's scope that
	// were resolved in that snapshot or an earlier one (a finding failing
	// again later is reopened, not new).
	Resolved(ctx context.Context, snapshot int64) ([]model.FindingKey, error)
	// SetBaseline makes a snapshot its scope's baseline, replacing any.
	SetBaseline(ctx context.Context, snapshot int64) error
	// Baseline is the scope's baseline snapshot; ErrNotFound when none.
	Baseline(ctx context.Context, scope string) (Snapshot, error)
	// Query runs one read-only SQL statement over the documented views.
	// The database enforces read-only; opt bounds time and rows.
	Query(ctx context.Context, query string, opt QueryOptions) (*QueryResult, error)

	// Dialect is "sqlite" or "postgres".
	Dialect() string
	Close() error
}

// Writer writes one snapshot. Resources, findings and unit outcomes may
// come in any order and in as many calls as the caller likes; lifecycle
// decisions are taken at Commit, when everything is known.
type Writer interface {
	PutResources(ctx context.Context, rs ...*model.Resource) error
	PutFindings(ctx context.Context, fs ...model.Finding) error
	PutUnits(ctx context.Context, us ...model.UnitOutcome) error
	// Commit closes the snapshot at finished (now when zero) and makes it visible.
	Commit(ctx context.Context, finished time.Time) (Snapshot, error)
	// Abort drops everything written. Safe after Commit (then a no-op).
	Abort() error
}

// SnapshotMeta describes a scan being stored.
type SnapshotMeta struct {
	// Scope names what was scanned; snapshots of one scope form a
	// history. Build it with LiveScope or IaCScope.
	Scope string
	// Source: "live" or "iac" (or a provider's snapshot import).
	Source string
	// Targets as the user gave them (accounts, directories ...).
	Targets      []string
	Started      time.Time
	VigilVersion string
	// RulesDigest is model.Result.Tool.RulesDigest: which rules judged.
	RulesDigest string
	// UnreadFiles are IaC files (as in Resource.Location.File) that could
	// not be parsed: their resources and findings are kept, stale, not
	// taken as removed.
	UnreadFiles []string
}

// Snapshot is a committed scan.
type Snapshot struct {
	ID           int64     `json:"id"`
	Scope        string    `json:"scope"`
	Source       string    `json:"source"`
	Targets      []string  `json:"targets"`
	Started      time.Time `json:"started_at"`
	Finished     time.Time `json:"finished_at"`
	VigilVersion string    `json:"vigil_version"`
	RulesDigest  string    `json:"rules_digest"`
	Stats        Stats     `json:"stats"`
}

// Stats counts what a snapshot held and what it changed.
type Stats struct {
	Resources      int `json:"resources"`
	StaleResources int `json:"stale_resources"`
	// VersionsAdded: resource versions written (new or changed resources);
	// VersionsClosed: versions ended (changed or deleted resources).
	VersionsAdded    int `json:"versions_added"`
	VersionsClosed   int `json:"versions_closed"`
	FindingsOpen     int `json:"findings_open"`
	FindingsNew      int `json:"findings_new"`
	FindingsResolved int `json:"findings_resolved"`
	FindingsReopened int `json:"findings_reopened"`
	FindingsStale    int `json:"findings_stale"`
	UnitsFailed      int `json:"units_failed"`
	// RowsWritten counts every row inserted or updated (for benchmarks).
	RowsWritten int `json:"rows_written"`
}

// SnapshotFilter selects snapshots.
type SnapshotFilter struct {
	ID    int64  // 0 = any
	Scope string // "" = every scope
	Limit int    // 0 = all
}

// ResourceFilter selects resources. Zero fields match everything.
type ResourceFilter struct {
	Scope    string
	Snapshot int64 // 0 = the latest snapshot of each scope
	Kind     string
	Account  string
	Region   string
	// Tags must all match (key=value; an empty value matches any value).
	Tags  map[string]string
	Limit int
}

// StoredResource is a resource as of a snapshot.
type StoredResource struct {
	Scope    string          `json:"scope"`
	Snapshot int64           `json:"snapshot"`
	Resource *model.Resource `json:"resource"`
	// Since is the snapshot that wrote this version.
	Since int64 `json:"since_snapshot"`
	// Stale: the unit holding the resource could not be read in the
	// snapshot; this is the last state Vigil read.
	Stale bool `json:"stale"`
}

// Finding lifecycle states.
const (
	// StatusOpen: failing in the latest snapshot.
	StatusOpen = "open"
	// StatusStale: still open, but not confirmed in the latest snapshot because
	// its resource could not be read (a failed unit, an unknown setting,
	// a rule error). A collection error never resolves a finding.
	StatusStale = "stale"
	// StatusSuppressed: failing, and accepted by a suppression.
	StatusSuppressed = "suppressed"
	// StatusResolved: passed, or its resource is gone, in a snapshot that read it.
	StatusResolved = "resolved"
)

// FindingFilter selects findings.
type FindingFilter struct {
	Scope string
	// Snapshot, when set, gives each finding's Status as of that snapshot
	// (from its events), and leaves out findings first seen after it; the
	// other fields stay the finding's latest. Statuses then filter that
	// status.
	Snapshot int64
	Statuses []string // e.g. StatusOpen, StatusStale; empty = all
	RuleID   string
	Resource string
	Limit    int
}

// FindingRecord is a finding with its lifecycle.
type FindingRecord struct {
	Scope       string    `json:"scope"`
	Fingerprint string    `json:"fingerprint"`
	Status      string    `json:"status"`
	FirstSeen   time.Time `json:"first_seen"`
	LastSeen    time.Time `json:"last_seen"`
	ResolvedAt  time.Time `json:"resolved_at,omitzero"`
	ReopenCount int       `json:"reopen_count"`
	// Finding is the latest verdict that failed (message, evidence ...),
	// with FirstSeen, LastSeen and ResolvedAt filled from the lifecycle.
	Finding model.Finding `json:"finding"`
}

// QueryOptions bound a read-only query.
type QueryOptions struct {
	Timeout time.Duration // 0 = 30s
	MaxRows int           // 0 = 10,000
}

// QueryResult is a query's columns and rows; values are nil, int64,
// float64, bool, string or time.Time.
type QueryResult struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated,omitempty"`
}

// ErrNotFound: no such snapshot.
var ErrNotFound = errors.New("not found")

// Open opens (creating when needed) the store at dsn and applies pending
// migrations: "postgres://..." or "postgresql://..." is PostgreSQL;
// "sqlite:PATH", or a plain path, is a SQLite file; "" is DefaultPath().
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		dsn = strings.TrimPrefix(dsn, "sqlite:")
		dsn = strings.TrimPrefix(dsn, "//")
	case dsn == "":
		p, err := DefaultPath()
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	if strings.Contains(dsn, "://") {
		return nil, fmt.Errorf("store %q: want a file path, sqlite:PATH or postgres://", dsn)
	}
	return openSQLite(ctx, dsn)
}

// DefaultPath is where the database lives when --db is not given:
// $XDG_DATA_HOME/vigil/vigil.db, else ~/.local/share/vigil/vigil.db.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "vigil", "vigil.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home directory for the default database (use --db): %w", err)
	}
	return filepath.Join(home, ".local", "share", "vigil", "vigil.db"), nil
}

// db is the one implementation of Store; d carries what differs between
// SQLite and PostgreSQL.
type db struct {
	sql *sql.DB
	d   dialect
	// ro runs Query; for SQLite a second pool opened read-only.
	ro *sql.DB
}

func (s *db) Dialect() string { return s.d.name() }

func (s *db) Close() error {
	err := s.sql.Close()
	if s.ro != nil && s.ro != s.sql {
		err = errors.Join(err, s.ro.Close())
	}
	return err
}

// q rewrites ? placeholders for the dialect.
func (s *db) q(query string) string { return s.d.rebind(query) }
