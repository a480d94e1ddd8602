package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/drift"
)

func newDriftCmd(open openInventory) *cobra.Command {
	var f inventoryFlags
	var states []string
	var failOnDrift bool
	cmd := &cobra.Command{
		Use:   "drift",
		Short: "Deviations from the baseline, or from a Terraform state",
		Long: `Without --tfstate, drift compares the scope's baseline (vigil baseline
set) with its latest scan, as vigil diff does: resources added, removed,
changed (every attribute, by path) and unread; findings new, resolved,
reopened and stale.

With --tfstate, drift compares a Terraform state (format v4: Terraform 0.12
and later) with the latest live scan of the scope (vigil scan aws stores
it; when the last scan was of something else, name the scope with --scope
as vigil history lists it). The state's managed AWS resources go through
the same Terraform mapping as a scan of the configuration, split resources
joined (a bucket with its public access block, policy, versioning ...), so
both sides have the normalized shape rules read. It reports:
  changed     managed resources whose live attributes or tags differ from
              the state: changed outside Terraform (which attributes)
  missing     managed resources the scan read absent: deleted outside
              Terraform
  unread      managed resources absent because their unit (account x
              region x service) could not be read: not known to be gone
  unmanaged   live resources of the kinds the state manages, in its
              accounts and regions, that no state manages (pass every
              state of the estate, --tfstate repeated, or resources of the
              others show here)
  not compared  state types without a mapping, or kinds drift cannot yet
              match, counted by type

A state resource finds its live twin by the id the collector gives it:
` + idRulesHelp() + `
Attributes unknown on either side, relations (the state names related
resources by address, the cloud by ARN), a bucket's grants (only an
aws_s3_bucket_acl resource declares them; a changed ACL still shows as
canned_acl) and an instance's vpc_id (its subnet decides it) are not
compared. An instance profile compares by name; an instance's volumes,
which the state records by id, are managed through it.

A state holds secrets in clear; drift reads it locally and prints only
normalized attributes, never the state's own values. A state is at most
64 MiB; terraform state pull writes one for a remote backend.`,
		Example: `  vigil drift                                   # since the baseline
  vigil drift --format markdown -o drift.md
  vigil drift --tfstate terraform.tfstate
  terraform state pull | vigil drift --tfstate -
  vigil drift --tfstate net.tfstate --tfstate app.tfstate --fail-on-drift`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var st *drift.State
			for _, p := range states {
				s, err := readStateFile(cmd, p)
				if err != nil {
					return usageError("--tfstate: %v", err)
				}
				if st == nil {
					st = s
				} else {
					st.Merge(s)
				}
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
			latest, err := src.Latest(ctx, f.scope, 1)
			if err != nil {
				return err
			}
			if len(latest) == 0 {
				return usageError("no scan stored yet: run vigil scan aws first")
			}
			live := latest[0]

			if st != nil {
				if strings.HasPrefix(live.Scope, "iac:") {
					return usageError("the latest scan of scope %s is of IaC, not of the cloud: name a live scope with --scope (vigil history lists them)", live.Scope)
				}
				d := drift.CompareState(st, live.Resources, live.Units)
				if err := drift.WriteStateDrift(out, f.format, &d); err != nil {
					return err
				}
				if failOnDrift && len(d.Changed)+len(d.Missing)+len(d.Unmanaged) > 0 {
					return &exitError{code: 1, err: fmt.Errorf("drift: %d changed, %d missing, %d unmanaged",
						len(d.Changed), len(d.Missing), len(d.Unmanaged))}
				}
				return nil
			}

			base, err := src.Baseline(ctx, f.scope)
			if err != nil {
				return err
			}
			if base == nil {
				return usageError("no baseline set: vigil baseline set [SNAPSHOT], or compare with --tfstate FILE")
			}
			if base, err = src.AsBefore(ctx, base); err != nil {
				return err
			}
			resolved, err := src.Resolved(ctx, f.scope, base.ID)
			if err != nil {
				return err
			}
			d := drift.Compare(base, live, resolved)
			if err := drift.WriteDiff(out, f.format, d); err != nil {
				return err
			}
			r, fd := d.Resources, d.Findings
			if failOnDrift && len(r.Added)+len(r.Removed)+len(r.Changed)+len(fd.New)+len(fd.Reopened) > 0 {
				return &exitError{code: 1, err: fmt.Errorf("drift from the baseline: %d added, %d removed, %d changed; %d new and %d reopened finding(s)",
					len(r.Added), len(r.Removed), len(r.Changed), len(fd.New), len(fd.Reopened))}
			}
			return nil
		},
	}
	f.register(cmd, "")
	fl := cmd.Flags()
	fl.StringArrayVar(&states, "tfstate", nil, "Terraform state file (format v4) to compare with the live inventory; - reads standard input (repeatable)")
	fl.BoolVar(&failOnDrift, "fail-on-drift", false, "exit 1 when anything drifted (with --tfstate: changed, missing or unmanaged)")
	return cmd
}

func readStateFile(cmd *cobra.Command, path string) (*drift.State, error) {
	if path == "-" {
		return drift.ReadState(cmd.InOrStdin(), "stdin")
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return drift.ReadState(fh, path)
}

// idRulesHelp lists the kinds drift matches and how, for --help.
func idRulesHelp() string {
	rules := drift.IDRules()
	kinds := make([]string, 0, len(rules))
	for k := range rules {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-24s %s\n", k, rules[k])
	}
	return b.String()
}
