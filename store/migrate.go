package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migrations are numbered SQL files per dialect (NNNN_name.sql), applied
// in order on open, each in its own transaction together with its row in
// vigil_schema_migrations, so a crash leaves a migration applied or not.
//
//go:embed migrations
var migrations embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations(dialect string) ([]migration, error) {
	dir := "migrations/" + dialect
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: want NNNN_name.sql", e.Name())
		}
		b, err := migrations.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3 ... without gaps", m.name)
		}
	}
	return ms, nil
}

// statements splits a migration into statements: each ends with ';' at the
// end of a line; '--' comment lines are dropped.
func statements(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// SchemaVersion is the newest migration this build knows.
func SchemaVersion() int {
	ms, _ := loadMigrations("sqlite")
	return len(ms)
}

func (s *db) migrate(ctx context.Context) error {
	ms, err := loadMigrations(s.d.name())
	if err != nil {
		return err
	}
	ts := "TIMESTAMP"
	if s.d.name() == "postgres" {
		ts = "TIMESTAMPTZ"
	}
	if _, err := s.sql.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS vigil_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at "+ts+" NOT NULL)"); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	for _, m := range ms {
		if err := s.apply(ctx, m, len(ms)); err != nil {
			return err
		}
	}
	return nil
}

func (s *db) apply(ctx context.Context, m migration, newest int) (err error) {
	tx, err := s.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if s.d.name() == "postgres" {
		// Two processes opening a fresh database at once take turns.
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7463)"); err != nil {
			return err
		}
	}
	var applied int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM vigil_schema_migrations").Scan(&applied); err != nil {
		return err
	}
	if applied > newest {
		return fmt.Errorf("the database has schema version %d, newer than this Vigil knows (%d): upgrade Vigil", applied, newest)
	}
	if applied >= m.version {
		return tx.Rollback()
	}
	for _, st := range statements(m.sql) {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q("INSERT INTO vigil_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
		m.version, m.name, time.Now().UTC()); err != nil {
		return err
	}
	return tx.Commit()
}
