package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/store"
)

func newHistoryCmd() *cobra.Command {
	var dsn, format, scope string
	var limit int
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List stored scans (snapshots), newest first",
		Long: `Every scan Vigil stores is a snapshot of a scope: what was scanned, e.g.
aws:111111111111,222222222222 (accounts; @regions when the scan named some)
or iac:/path/to/infra (the IaC targets). History lists the snapshots with
what each one found and changed:

  RESOURCES   resources present (stale: could not be read, kept as last read)
  VERSIONS    resource versions written (+new or changed) and ended (-changed or gone)
  FINDINGS    open findings, then new, resolved and reopened ones and stale ones
  FAILED      collection units (account x region x service) that could not be read`,
		Example: `  vigil history
  vigil history --scope aws:111111111111 --limit 5
  vigil history --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			st, err := openStoreToRead(cmd.Context(), dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			snaps, err := st.Snapshots(cmd.Context(), store.SnapshotFilter{Scope: scope, Limit: limit})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				if snaps == nil {
					snaps = []store.Snapshot{}
				}
				return writeJSON(out, snaps)
			}
			if len(snaps) == 0 && format == "table" {
				fmt.Fprintln(out, "no snapshots stored yet: vigil scan stores one")
				return nil
			}
			if format == "csv" {
				rows := make([][]string, len(snaps))
				for i, s := range snaps {
					st := s.Stats
					rows[i] = []string{strconv.FormatInt(s.ID, 10), s.Scope, s.Source, s.Started.Format(time.RFC3339), s.Finished.Format(time.RFC3339),
						s.VigilVersion, s.RulesDigest, itoa(st.Resources), itoa(st.StaleResources), itoa(st.VersionsAdded), itoa(st.VersionsClosed),
						itoa(st.FindingsOpen), itoa(st.FindingsNew), itoa(st.FindingsResolved), itoa(st.FindingsReopened), itoa(st.FindingsStale), itoa(st.UnitsFailed)}
				}
				return writeCSV(out, []string{"id", "scope", "source", "started_at", "finished_at", "vigil_version", "rules_digest",
					"resources", "stale_resources", "versions_added", "versions_closed", "findings_open", "findings_new",
					"findings_resolved", "findings_reopened", "findings_stale", "units_failed"}, rows)
			}
			rows := make([][]string, len(snaps))
			for i, s := range snaps {
				st := s.Stats
				res := itoa(st.Resources)
				if st.StaleResources > 0 {
					res += fmt.Sprintf(" (%d stale)", st.StaleResources)
				}
				fnd := fmt.Sprintf("%d (+%d -%d", st.FindingsOpen, st.FindingsNew, st.FindingsResolved)
				if st.FindingsReopened > 0 {
					fnd += fmt.Sprintf(" reopened %d", st.FindingsReopened)
				}
				if st.FindingsStale > 0 {
					fnd += fmt.Sprintf(" stale %d", st.FindingsStale)
				}
				fnd += ")"
				rows[i] = []string{strconv.FormatInt(s.ID, 10), s.Scope, s.Started.Local().Format("2006-01-02 15:04"),
					s.Finished.Sub(s.Started).Round(time.Second).String(), res,
					fmt.Sprintf("+%d -%d", st.VersionsAdded, st.VersionsClosed), fnd, itoa(st.UnitsFailed), short(s.RulesDigest, 12)}
			}
			return writeTable(out, []string{"id", "scope", "started", "took", "resources", "versions", "findings", "failed", "rules"}, rows, 80, true)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dsn, "db", "", dbFlagHelp)
	fl.StringVarP(&format, "format", "f", "table", "output format: table, json or csv")
	fl.StringVar(&scope, "scope", "", "only snapshots of this scope")
	fl.IntVar(&limit, "limit", 0, "at most this many snapshots (0: all)")
	return cmd
}

func itoa(n int) string { return strconv.Itoa(n) }

func short(s string, n int) string {
	s = strings.TrimPrefix(s, "sha256:")
	if len(s) > n {
		return s[:n]
	}
	return s
}
