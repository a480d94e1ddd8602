package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/store"
)

const dbFlagHelp = "the database: a SQLite file path, sqlite:PATH or postgres://... (default $XDG_DATA_HOME/vigil/vigil.db, else ~/.local/share/vigil/vigil.db)"

// openStoreToRead opens the store for a command that only reads: a SQLite
// file that does not exist yet is an error, not a new empty database.
func openStoreToRead(ctx context.Context, dsn string) (store.Store, error) {
	path := dsn
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		path = ""
	case strings.HasPrefix(dsn, "sqlite:"):
		path = strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	case dsn == "":
		p, err := store.DefaultPath()
		if err != nil {
			return nil, usageError("%v", err)
		}
		path = p
	}
	if path != "" {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, usageError("no database at %s yet: a scan stores one (or name another with --db)", path)
		}
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	return st, nil
}

func newQueryCmd() *cobra.Command {
	var dsn, format string
	var maxRows int
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   `query "SQL"`,
		Short: "Ask the stored history anything, in read-only SQL",
		Long: `Query runs one SQL statement over the store's views, read-only: the
database itself refuses writes (SQLite opened read-only with an authorizer
that allows reads only; PostgreSQL in a READ ONLY transaction), within a time
limit and a row cap.

Views:
  snapshots          one row per scan: id, scope, source, targets, started_at,
                     finished_at, vigil_version, rules_digest and counts
                     (resources, stale_resources, versions_added,
                     versions_closed, findings_open, findings_new,
                     findings_resolved, findings_reopened, findings_stale,
                     units_failed)
  resources          the current inventory (the latest snapshot of each scope):
                     scope, snapshot_id, id, kind, provider, account, region,
                     source, name, file (IaC), tags, attributes, doc (the whole resource),
                     since_snapshot, stale (its unit could not be read)
  resource_versions  every version ever stored: the columns above without
                     snapshot_id, since_snapshot and stale, plus hash,
                     valid_from, valid_to
                     (present in snapshot S when valid_from <= S < valid_to,
                     valid_to NULL while current)
  findings           scope, fingerprint, rule_id, resource_id, resource_kind,
                     account, region, severity, title, status (open, stale,
                     suppressed, resolved), message, first_seen, last_seen,
                     resolved_at, reopen_count, detail (the whole finding)
  finding_events     scope, fingerprint, rule_id, resource_id, snapshot_id,
                     event (new, reopened, resolved, stale, suppressed, open), at
  units              snapshot_id, provider, account, region, service, status
                     (complete, partial, failed), kinds, unread, resources, errors

tags, attributes, doc and detail are JSON: reach into them with the
database's JSON functions, json_extract(attributes, '$.path') in SQLite and
attributes ->> 'key' (or #>> '{a,b}') in PostgreSQL.

In a table, long cells are cut at 120 characters; --format json or csv
gives them whole.`,
		Example: `  vigil query "SELECT kind, COUNT(*) FROM resources GROUP BY kind ORDER BY 2 DESC"
  vigil query "SELECT id, name FROM resources WHERE kind = 'aws.ec2.instance'
               AND json_extract(attributes, '$.metadata_options.http_tokens') = 'optional'"
  vigil query "SELECT rule_id, COUNT(*) FROM findings WHERE status IN ('open', 'stale') GROUP BY rule_id" --format csv
  vigil query --db postgres://vigil@db/vigil "SELECT id FROM resources WHERE attributes ->> 'encrypted' = 'false'"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			st, err := openStoreToRead(cmd.Context(), dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Query(cmd.Context(), args[0], store.QueryOptions{Timeout: timeout, MaxRows: maxRows})
			if err != nil {
				return &exitError{code: 2, err: fmt.Errorf("query: %w", err)}
			}
			rows := make([][]string, len(res.Rows))
			for i, r := range res.Rows {
				rows[i] = make([]string, len(r))
				for j, v := range r {
					rows[i][j] = cellText(v)
				}
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				objs := make([]orderedRow, len(res.Rows))
				for i, r := range res.Rows {
					objs[i] = orderedRow{res.Columns, r}
				}
				err = writeJSON(out, objs)
			case "csv":
				err = writeCSV(out, res.Columns, rows)
			default:
				err = writeTable(out, res.Columns, rows, 120, false)
			}
			if err == nil && res.Truncated {
				fmt.Fprintf(cmd.ErrOrStderr(), "vigil: only the first %d rows (--max-rows)\n", len(res.Rows))
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dsn, "db", "", dbFlagHelp)
	fl.StringVarP(&format, "format", "f", "table", "output format: table, json or csv")
	fl.IntVar(&maxRows, "max-rows", 10000, "return at most this many rows")
	fl.DurationVar(&timeout, "timeout", 30*time.Second, "stop the query after this long")
	return cmd
}

func checkFormat(f string) error {
	switch f {
	case "table", "json", "csv":
		return nil
	}
	return usageError("--format %q: want table, json or csv", f)
}

// orderedRow is one result row as a JSON object, columns in order.
type orderedRow struct {
	cols []string
	vals []any
}

func (o orderedRow) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range o.cols {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c)
		v, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// writeTable prints rows for a person: every cell is untrusted text
// (names and tags come from the cloud), made safe for the terminal, and
// cut at width runes when width > 0. upper capitalizes the header (not
// for SQL results, whose column names a user may reuse).
func writeTable(w io.Writer, header []string, rows [][]string, width int, upper bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(cells []string, upper bool) {
		for i, c := range cells {
			if i > 0 {
				io.WriteString(tw, "\t")
			}
			c = safetext.Terminal(c)
			if upper {
				c = strings.ToUpper(c)
			}
			if width > 0 && utf8.RuneCountInString(c) > width {
				c = string([]rune(c)[:width-1]) + "…"
			}
			io.WriteString(tw, c)
		}
		io.WriteString(tw, "\n")
	}
	line(header, upper)
	for _, r := range rows {
		line(r, false)
	}
	return tw.Flush()
}

// writeCSV writes rows with every cell made one printable line and
// neutralised against spreadsheet formula injection, as report's CSV does.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = safetext.CSVCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
