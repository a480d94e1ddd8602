package main

import (
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/store"
)

func newInventoryCmd() *cobra.Command {
	var dsn, format, scope, kind, account, region string
	var tags []string
	var snapshot int64
	var limit int
	cmd := &cobra.Command{
		Use:   "inventory",
		Short: "List the resources of the latest stored scan",
		Long: `Inventory lists the resources of the latest snapshot of each scope (or of
--snapshot ID; see vigil history), filtered by kind, account, region and
tags. A resource marked stale belongs to a collection unit that could not be
read in that scan: Vigil shows the state it last read, and keeps it until a
scan that reads the unit says it is gone.

--format json gives whole resources (attributes, relations, unknown
settings); table and csv give one line per resource.`,
		Example: `  vigil inventory
  vigil inventory --kind aws.s3.bucket --region eu-west-1
  vigil inventory --tag env=prod --tag owner --format csv > prod.csv
  vigil inventory --snapshot 12 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			want := map[string]string{}
			for _, t := range tags {
				k, v, _ := strings.Cut(t, "=")
				if k == "" {
					return usageError("--tag %q: want KEY=VALUE or KEY", t)
				}
				want[k] = v
			}
			st, err := openStoreToRead(cmd.Context(), dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			rs, err := st.Resources(cmd.Context(), store.ResourceFilter{Scope: scope, Snapshot: snapshot, Kind: kind,
				Account: account, Region: region, Tags: want, Limit: limit})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				if rs == nil {
					rs = []store.StoredResource{}
				}
				return writeJSON(out, rs)
			}
			header := []string{"kind", "name", "id", "account", "region", "tags", "stale"}
			if format == "csv" {
				header = append([]string{"scope", "snapshot"}, append(header, "source")...)
			}
			rows := make([][]string, 0, len(rs))
			for _, sr := range rs {
				r := sr.Resource
				stale := ""
				if sr.Stale {
					stale = "stale"
				}
				row := []string{r.Kind, r.Name, r.ID, r.Account, r.Region, tagText(r.Tags), stale}
				if format == "csv" {
					row = append([]string{sr.Scope, strconv.FormatInt(sr.Snapshot, 10)}, append(row, r.Source)...)
				}
				rows = append(rows, row)
			}
			if format == "csv" {
				return writeCSV(out, header, rows)
			}
			return writeTable(out, header, rows, 80, true)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dsn, "db", "", dbFlagHelp)
	fl.StringVarP(&format, "format", "f", "table", "output format: table, json or csv")
	fl.StringVar(&scope, "scope", "", "only this scope (see vigil history)")
	fl.Int64Var(&snapshot, "snapshot", 0, "the resources of this snapshot instead of the latest")
	fl.StringVar(&kind, "kind", "", "only this kind, e.g. aws.s3.bucket")
	fl.StringVar(&account, "account", "", "only this account (AWS account id, subscription, project)")
	fl.StringVar(&region, "region", "", "only this region")
	fl.StringArrayVar(&tags, "tag", nil, "only resources with this tag: KEY=VALUE, or KEY for any value (repeatable; all must match)")
	fl.IntVar(&limit, "limit", 0, "at most this many resources (0: all)")
	return cmd
}

// tagText is the tags as k=v pairs, sorted, separated by commas.
func tagText(tags map[string]string) string {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + tags[k]
	}
	return strings.Join(parts, ",")
}
