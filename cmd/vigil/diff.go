package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/drift"
	"github.com/vigil-sec/vigil/model"
)

// inventorySource is where `vigil diff`, `vigil baseline` and `vigil
// drift` read stored snapshots: the store, once it is open. The commands
// know nothing else about it.
type inventorySource interface {
	// Snapshot returns one snapshot of scope by id.
	Snapshot(ctx context.Context, scope, id string) (*drift.Snapshot, error)
	// Latest returns up to n snapshots of scope, newest first.
	Latest(ctx context.Context, scope string, n int) ([]*drift.Snapshot, error)
	// AsBefore returns s as the earlier side of a comparison: with what
	// its scan could not read and kept from earlier scans (resources as
	// last read, their findings still open), so that reading them again
	// later is no change, no new finding.
	AsBefore(ctx context.Context, s *drift.Snapshot) (*drift.Snapshot, error)
	// Resolved returns the keys of the findings of scope that were
	// resolved at some time before snapshot id, so that one failing
	// again is reported reopened, not new.
	Resolved(ctx context.Context, scope, id string) (map[model.FindingKey]bool, error)
	// Baseline returns the scope's baseline, or nil when none is set.
	Baseline(ctx context.Context, scope string) (*drift.Snapshot, error)
	// SetBaseline makes snapshot id the scope's baseline.
	SetBaseline(ctx context.Context, scope, id string) error
}

// openInventory opens the inventory for a command (from its --db flag);
// the returned func closes it.
type openInventory func(cmd *cobra.Command) (inventorySource, func() error, error)

// inventoryFlags are shared by the commands that read snapshots.
type inventoryFlags struct {
	scope, format, output, failOn string
}

func (f *inventoryFlags) register(cmd *cobra.Command, failOnHelp string) {
	fl := cmd.Flags()
	fl.StringVar(&f.scope, "scope", "", "the scope whose snapshots to compare (default: the one scope stored, or the most recent scan's)")
	fl.StringVarP(&f.format, "format", "f", "table", "output format: "+strings.Join(drift.Formats, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output")
	if failOnHelp != "" {
		fl.StringVar(&f.failOn, "fail-on", "", failOnHelp)
	}
}

// writer opens the output; the func closes it.
func (f *inventoryFlags) writer(cmd *cobra.Command) (io.Writer, func() error, error) {
	if !validDiffFormat(f.format) {
		return nil, nil, usageError("--format: unknown format %q (want one of %s)", f.format, strings.Join(drift.Formats, ", "))
	}
	if f.output == "" || f.output == "-" {
		return cmd.OutOrStdout(), func() error { return nil }, nil
	}
	fh, err := os.Create(f.output)
	if err != nil {
		return nil, nil, usageError("--output: %v", err)
	}
	return fh, fh.Close, nil
}

func validDiffFormat(f string) bool {
	f = strings.ToLower(strings.TrimSpace(f))
	for _, x := range append(drift.Formats, "md") {
		if f == x {
			return true
		}
	}
	return false
}

func newDiffCmd(open openInventory) *cobra.Command {
	var f inventoryFlags
	cmd := &cobra.Command{
		Use:   "diff [BEFORE] [AFTER]",
		Short: "What changed between two stored scans: resources and findings",
		Long: `Diff compares two snapshots of one scope from the store (every scan is
one, numbered as vigil history lists them): by default the last two of the
scope, with one argument that snapshot and the latest of its scope, with
two arguments those two, older first. The scope is --scope, else that of
the most recent scan.

Resources are matched by kind and id:
  added / removed   in one snapshot only
  changed           every attribute that differs, by path
                    (attributes.public_access_block.block_public_acls: true -> false),
                    tags by key (tags.env), relations as sets
  unread            absent from the later snapshot because the unit holding
                    it (account x region x service) failed: not known to be
                    gone, so never reported removed

An attribute that is unknown on either side (its read failed) is listed as
"not compared", never as a change. Volatile values (an access key's age,
its last use) are not compared; nor is the order of plain lists.

Findings are matched by their stable key (rule, resource, scope):
  new        failing now, not before
  resolved   failing before, and now passing or its resource read absent
  reopened   failing now, resolved at some earlier time
  stale      failing before and not judged now (the resource could not be
             read, or the rule could not judge it): still open

Formats: table for people, json for machines, markdown for pull-request
comments. Everything read from a cloud is escaped for the format.`,
		Example: `  vigil diff                              # the last two scans
  vigil history                           # the snapshot ids
  vigil diff 41                           # that scan against the latest
  vigil diff 41 42 --format json
  vigil diff --scope aws:111111111111 --db postgres://vigil@db/vigil
  vigil diff --format markdown -o diff.md # for a pull-request comment
  vigil diff --fail-on high               # exit 1 on a new or reopened high or critical finding`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			minSev, err := diffSeverity("fail-on", f.failOn)
			if err != nil {
				return err
			}
			out, closeOut, err := f.writer(cmd)
			if err != nil {
				return err
			}
			defer closeOut()
			src, closeSrc, err := open(cmd)
			if err != nil {
				return err
			}
			defer closeSrc()
			ctx := inventoryContext(cmd)
			before, after, err := diffSides(ctx, src, f.scope, args)
			if err != nil {
				return err
			}
			if before, err = src.AsBefore(ctx, before); err != nil {
				return err
			}
			resolved, err := src.Resolved(ctx, f.scope, before.ID)
			if err != nil {
				return err
			}
			d := drift.Compare(before, after, resolved)
			if err := drift.WriteDiff(out, f.format, d); err != nil {
				return err
			}
			return failOnFindings(d, minSev)
		},
	}
	f.register(cmd, "exit 1 when a new or reopened finding is at least this severe (info, low, medium, high, critical)")
	return cmd
}

// diffSides resolves diff's arguments to the two snapshots, older first.
func diffSides(ctx context.Context, src inventorySource, scope string, args []string) (before, after *drift.Snapshot, err error) {
	get := func(id string) (*drift.Snapshot, error) {
		s, err := src.Snapshot(ctx, scope, id)
		if err != nil {
			return nil, err
		}
		if s == nil {
			return nil, usageError("no snapshot %q", id)
		}
		return s, nil
	}
	switch len(args) {
	case 2:
		if before, err = get(args[0]); err != nil {
			return nil, nil, err
		}
		if after, err = get(args[1]); err != nil {
			return nil, nil, err
		}
		if before.Scope != after.Scope {
			return nil, nil, usageError("snapshots %s and %s are of different scopes (%s, %s): diff compares scans of one scope", before.ID, after.ID, before.Scope, after.Scope)
		}
		return before, after, nil
	case 1:
		if before, err = get(args[0]); err != nil {
			return nil, nil, err
		}
		latest, err := src.Latest(ctx, before.Scope, 1)
		if err != nil {
			return nil, nil, err
		}
		if len(latest) == 0 {
			return nil, nil, usageError("no snapshot stored yet: run a scan first")
		}
		return before, latest[0], nil
	}
	latest, err := src.Latest(ctx, scope, 2)
	if err != nil {
		return nil, nil, err
	}
	if len(latest) < 2 {
		return nil, nil, usageError("diff needs two stored snapshots of the scope, found %d: scan again, or name the snapshots", len(latest))
	}
	return latest[1], latest[0], nil
}

func diffSeverity(flag, v string) (model.Severity, error) {
	if v == "" || strings.EqualFold(v, "none") {
		return model.SeverityUnknown, nil
	}
	s, err := model.ParseSeverity(v)
	if err != nil {
		return 0, usageError("--%s: %v", flag, err)
	}
	return s, nil
}

// failOnFindings is exit 1 when a new or reopened finding reaches min.
func failOnFindings(d *drift.Diff, min model.Severity) error {
	if min == model.SeverityUnknown {
		return nil
	}
	n := 0
	for _, l := range [][]drift.FindingRef{d.Findings.New, d.Findings.Reopened} {
		for _, x := range l {
			if x.Severity >= min {
				n++
			}
		}
	}
	if n > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d new or reopened finding(s) at or above %s", n, min)}
	}
	return nil
}
