package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/drift"
	"github.com/vigil-sec/vigil/model"
)

func newBaselineCmd(open openInventory) *cobra.Command {
	var scope string
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Pin a stored scan as the state a scope should stay in",
		Long: `A baseline is one stored snapshot of a scope that later scans are held
against: set it when the estate is as it should be (after a review, a
release, an audit), then 'vigil drift' shows every deviation since:
resources added, removed and changed, and findings new, resolved and
reopened. Setting a new baseline replaces the old one; snapshots are never
deleted by it.`,
		Example: `  vigil baseline set                  # the latest scan of the scope
  vigil baseline set 42               # a snapshot id from vigil history
  vigil baseline show
  vigil drift                         # what moved since`,
	}
	cmd.PersistentFlags().StringVar(&scope, "scope", "", "the scope (default: the one scope stored, or the most recent scan's)")

	set := &cobra.Command{
		Use:   "set [SNAPSHOT]",
		Short: "Make a snapshot (default: the latest) the scope's baseline",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, closeSrc, err := open(cmd)
			if err != nil {
				return err
			}
			defer closeSrc()
			ctx := inventoryContext(cmd)
			var snap *drift.Snapshot
			if len(args) == 1 {
				s, err := src.Snapshot(ctx, scope, args[0])
				if err != nil {
					return err
				}
				if s == nil {
					return usageError("no snapshot %q", args[0])
				}
				snap = s
			} else {
				latest, err := src.Latest(ctx, scope, 1)
				if err != nil {
					return err
				}
				if len(latest) == 0 {
					return usageError("no snapshot stored yet: run a scan first")
				}
				snap = latest[0]
			}
			if err := src.SetBaseline(ctx, snap.Scope, snap.ID); err != nil {
				return err
			}
			if snap.Scope != "" {
				fmt.Fprintf(cmd.OutOrStdout(), "baseline of %s set to snapshot %s\n", snap.Scope, snap.ID)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "baseline set to snapshot %s\n", snap.ID)
			}
			return nil
		},
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the scope's baseline snapshot",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			src, closeSrc, err := open(cmd)
			if err != nil {
				return err
			}
			defer closeSrc()
			b, err := src.Baseline(inventoryContext(cmd), scope)
			if err != nil {
				return err
			}
			if b == nil {
				return usageError("no baseline set: vigil baseline set [SNAPSHOT]")
			}
			fmt.Fprintf(cmd.OutOrStdout(), "baseline: snapshot %s", b.ID)
			if !b.Taken.IsZero() {
				fmt.Fprintf(cmd.OutOrStdout(), " taken %s", b.Taken.UTC().Format("2006-01-02 15:04:05Z"))
			}
			failing := 0
			for _, f := range b.Findings {
				if f.Status == model.StatusFail {
					failing++
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), ", %d resources, %d failing findings\n", len(b.Resources), failing)
			return nil
		},
	}
	cmd.AddCommand(set, show)
	return cmd
}

func inventoryContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
