package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"               // registers the "sqlite" database/sql driver
)

// dialect is everything that differs between the two databases. The SQL
// of the store is written once, with ? placeholders and portable syntax.
type dialect interface {
	name() string
	rebind(q string) string
	// lockScope serializes writers of one scope inside tx.
	lockScope(ctx context.Context, tx *sql.Tx, scope string) error
	// readOnly starts the transaction a user's query runs in; the
	// database, not Vigil, refuses writes in it.
	readOnly(ctx context.Context, s *db, timeout time.Duration) (*sql.Tx, error)
	// maxParams bounds the placeholders of one statement.
	maxParams() int
	// indexedBy names the index a writer's bulk read must use ("" where
	// the planner finds it alone).
	indexedBy(index string) string
	// text and json make untrusted text storable (cloud names and tags
	// may hold anything).
	text(s string) string
	json(b []byte) string
}

// ---- SQLite ----

type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) maxParams() int         { return 30000 } // SQLITE_MAX_VARIABLE_NUMBER is 32766

// SQLite prefers the unique index to the covering one and then reads
// every document; a rescan must read the covering index alone.
func (sqliteDialect) indexedBy(index string) string { return " INDEXED BY " + index }

// SQLite stores any text as given.
func (sqliteDialect) text(s string) string { return s }
func (sqliteDialect) json(b []byte) string { return string(b) }

// SQLite transactions of the writer pool begin IMMEDIATE (one writer at a
// time, taken at BEGIN), so there is no scope lock to take.
func (sqliteDialect) lockScope(context.Context, *sql.Tx, string) error { return nil }

func (sqliteDialect) readOnly(ctx context.Context, s *db, _ time.Duration) (*sql.Tx, error) {
	// The pool was opened with mode=ro and query_only: SQLite refuses
	// any write. The deadline is the caller's context (the driver
	// interrupts the statement when it expires).
	return s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

func sqliteDSN(path string, readOnly bool) string {
	v := url.Values{}
	v.Set("_time_format", "sqlite")
	v.Set("_busy_timeout", "10000")
	v.Set("_foreign_keys", "1")
	if readOnly {
		v.Set("mode", "ro")
		v.Set("_query_only", "1")
	} else {
		v.Set("_journal_mode", "WAL")
		// NORMAL in WAL mode: a committed snapshot survives a crash of
		// the process; a power loss may lose the last commit, never
		// corrupt the file.
		v.Set("_synchronous", "NORMAL")
		v.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: v.Encode()}
	return u.String()
}

func openSQLite(ctx context.Context, path string) (Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// The inventory is the estate's map: a new database is readable by its
	// owner only (SQLite gives its -wal and -shm files the same mode).
	if f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("store: %w", err)
	}
	w, err := sql.Open("sqlite", sqliteDSN(abs, false))
	if err != nil {
		return nil, err
	}
	// One writer at a time anyway; a few connections let readers run
	// beside a writer (WAL).
	w.SetMaxOpenConns(4)
	s := &db{sql: w, d: sqliteDialect{}}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store %s: %w", abs, err)
	}
	ro := sql.OpenDB(connector{readOnlyDriver, sqliteDSN(abs, true)})
	ro.SetMaxOpenConns(2)
	s.ro = ro
	return s, nil
}

// readOnlyDriver opens the connections user queries run on. Besides
// mode=ro and query_only, an authorizer lets statements read and nothing
// else: no ATTACH (reading other files), no PRAGMA (undoing query_only).
var readOnlyDriver = func() *sqlite.Driver {
	d := &sqlite.Driver{}
	d.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		a, ok := c.(sqlite.AuthorizerRegisterer)
		if !ok {
			return fmt.Errorf("the SQLite driver offers no authorizer")
		}
		return a.RegisterAuthorizer(func(action sqlite.AuthorizerActionCode, _, _, _, _ string) sqlite.AuthorizerReturnCode {
			switch action {
			case sqlite.AuthSelect, sqlite.AuthRead, sqlite.AuthFunction, sqlite.AuthRecursive, sqlite.AuthTransaction:
				return sqlite.AuthorizerOK
			}
			return sqlite.AuthorizerDeny
		})
	})
	return d
}()

type connector struct {
	d   *sqlite.Driver
	dsn string
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return c.d }

// ---- PostgreSQL ----

type postgresDialect struct{}

func (postgresDialect) name() string   { return "postgres" }
func (postgresDialect) maxParams() int { return 60000 } // the protocol allows 65535

// PostgreSQL's unique indexes carry the columns a writer reads (INCLUDE).
func (postgresDialect) indexedBy(string) string { return "" }

// PostgreSQL text holds neither NUL nor invalid UTF-8: both become U+FFFD
// rather than failing the whole snapshot on one odd tag.
func (postgresDialect) text(s string) string {
	if strings.IndexByte(s, 0) < 0 && utf8.ValidString(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// jsonb refuses the escape \u0000 (encoding/json writes NUL so); it becomes
// \ufffd. A backslash escaped before it (\\u0000, the text "\u0000") stays.
func (postgresDialect) json(b []byte) string {
	s := string(b)
	if !strings.Contains(s, `\u0000`) {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if strings.HasPrefix(s[i:], `\u0000`) {
				out.WriteString(`\ufffd`)
				i += 5
				continue
			}
			out.WriteString(s[i : i+2]) // an escape pair: its second byte is not an escape
			i++
			continue
		}
		out.WriteByte(s[i])
	}
	return out.String()
}

// rebind turns ? into $1, $2 ... (the store's SQL has no ? in literals).
func (postgresDialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// lockScope takes a transaction-scoped advisory lock on the scope, so two
// writers of one scope take turns and snapshot ids grow in commit order.
func (postgresDialect) lockScope(ctx context.Context, tx *sql.Tx, scope string) error {
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 7))", scope)
	return err
}

func (postgresDialect) readOnly(ctx context.Context, s *db, timeout time.Duration) (*sql.Tx, error) {
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	// Take the transaction's snapshot first: after it, PostgreSQL refuses
	// SET TRANSACTION READ WRITE ("must be set before any query").
	var one int
	if err := tx.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		tx.Rollback()
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", timeout.Milliseconds())); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	p, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	p.SetMaxOpenConns(8)
	s := &db{sql: p, ro: p, d: postgresDialect{}}
	if err := p.PingContext(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("store: PostgreSQL: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("store: PostgreSQL: %w", err)
	}
	return s, nil
}
