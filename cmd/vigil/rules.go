package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/compliance"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

type rulesFlags struct {
	format, configPath, provider, kind, framework, severity string
	policies                                                []string
	noBuiltin                                               bool
	sandbox                                                 sandboxFlags
}

func newRulesCmd() *cobra.Command {
	var f rulesFlags
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, show and explain the rules Vigil evaluates",
		Long: `The rule catalog: built-in rules plus the custom rules of --policy
directories and vigil.yaml, with the disabled and re-rated ones marked.

  list      one line per rule, filtered by provider, kind, framework, severity
  show      one rule's metadata: description, remediation, compliance
  explain   all of show, plus the attributes the rule reads (with their types
            from the kind's schema) and its Rego source
  coverage  a framework's controls (CIS AWS Foundations 3.0, 5.0, 7.0), whether
            each is automated, and the rules that decide it
  stats     how many enabled rules each provider's services have, by severity`,
	}
	pf := cmd.PersistentFlags()
	pf.StringVarP(&f.format, "format", "f", "table", "output format: table or json")
	pf.StringVarP(&f.configPath, "config", "c", "", "config file (default ./vigil.yaml when present)")
	pf.StringArrayVarP(&f.policies, "policy", "p", nil, "directory of custom Rego rules (repeatable)")
	pf.BoolVar(&f.noBuiltin, "no-builtin", false, "only the custom rules")
	f.sandbox.register(pf)

	list := &cobra.Command{
		Use:   "list",
		Short: "List rules",
		Example: `  vigil rules list
  vigil rules list --provider kubernetes
  vigil rules list --framework cis-aws-3.0 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := rulesEngine(&f)
			if err != nil {
				return err
			}
			var rules []*policy.Rule
			minSev, err := parseThreshold("severity", f.severity)
			if err != nil {
				return err
			}
			for _, r := range e.Rules() {
				if f.provider != "" && !strings.HasPrefix(r.Kinds[0], f.provider+".") {
					continue
				}
				if f.kind != "" && !contains(r.Kinds, f.kind) {
					continue
				}
				if f.framework != "" && len(r.Compliance[f.framework]) == 0 {
					continue
				}
				if r.Severity < minSev {
					continue
				}
				rules = append(rules, r)
			}
			return printRules(cmd.OutOrStdout(), f.format, rules)
		},
	}
	list.Flags().StringVar(&f.provider, "provider", "", "only rules for this provider (aws, kubernetes ...)")
	list.Flags().StringVar(&f.kind, "kind", "", "only rules for this resource kind")
	list.Flags().StringVar(&f.framework, "framework", "", "only rules mapped to this framework (e.g. cis-aws-3.0)")
	list.Flags().StringVar(&f.severity, "severity", "", "only rules of this severity or higher")

	show := &cobra.Command{
		Use:     "show RULE-ID",
		Short:   "Explain one rule",
		Example: "  vigil rules show AWS-S3-001",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := ruleByID(&f, args[0])
			if err != nil {
				return err
			}
			if f.format == "json" {
				return writeJSON(cmd.OutOrStdout(), r)
			}
			return printRule(cmd.OutOrStdout(), r)
		},
	}
	explain := &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Explain one rule: what it checks and reads, how to fix it, and its Rego source",
		Long: `Explain prints what "show" prints, then the attributes the rule reads,
with their types and notes from "vigil schema", and the rule's Rego source:
everything needed to understand a verdict or to write a rule like it.`,
		Example: "  vigil rules explain AWS-S3-001\n  vigil rules explain ACME-S3-001 --policy my-rules/ --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := ruleByID(&f, args[0])
			if err != nil {
				return err
			}
			reads := readAttributes(r)
			if f.format == "json" {
				if reads == nil {
					reads = []model.Field{}
				}
				return writeJSON(cmd.OutOrStdout(), struct {
					*policy.Rule
					ReadAttributes []model.Field `json:"read_attributes"`
					Source         string        `json:"source"`
				}{r, reads, r.Source})
			}
			return explainRule(cmd.OutOrStdout(), r, reads)
		},
	}
	coverage := &cobra.Command{
		Use:   "coverage FRAMEWORK",
		Short: "Show which rules decide each control of a framework",
		Long: `Coverage lists every control of a framework's catalog: its id, whether the
framework assesses it automatically or manually, its profile level, its title
and the rules mapped to it (enabled rules of the catalog: built-in and
--policy), then the totals, "automated controls covered N / M". A manual
control with rules is one Vigil decides from data all the same.

Frameworks with a catalog: ` + strings.Join(compliance.Names(), ", ") + `.`,
		Example: "  vigil rules coverage cis-aws-7.0\n  vigil rules coverage cis-aws-3.0 --format json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := compliance.Load(args[0])
			if err != nil {
				return usageError("%v", err)
			}
			e, err := rulesEngine(&f)
			if err != nil {
				return err
			}
			var rules []compliance.Rule
			for _, r := range e.Rules() {
				if r.Enabled && len(r.Compliance[cat.Framework]) > 0 {
					rules = append(rules, compliance.Rule{ID: r.ID, Controls: r.Compliance[cat.Framework]})
				}
			}
			cov := cat.Cover(rules)
			if f.format == "json" {
				return writeJSON(cmd.OutOrStdout(), cov)
			}
			return printCoverage(cmd.OutOrStdout(), cov)
		},
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the enabled rules of each service by severity",
		Long: `Stats counts the enabled rules (built-in and --policy, vigil.yaml applied)
of each provider's services, by severity. A rule's service is the middle part
of the first kind it judges (aws.s3.bucket: aws s3).`,
		Example: "  vigil rules stats\n  vigil rules stats --provider aws --format json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e, err := rulesEngine(&f)
			if err != nil {
				return err
			}
			st := ruleStats(e.Rules(), f.provider)
			if f.format == "json" {
				return writeJSON(cmd.OutOrStdout(), st)
			}
			return printRuleStats(cmd.OutOrStdout(), st)
		},
	}
	stats.Flags().StringVar(&f.provider, "provider", "", "only rules for this provider (aws, kubernetes ...)")
	cmd.AddCommand(list, show, explain, coverage, stats)
	return cmd
}

// serviceStats counts one service's enabled rules by severity name.
type serviceStats struct {
	Provider   string         `json:"provider"`
	Service    string         `json:"service"`
	Severities map[string]int `json:"severities"`
	Total      int            `json:"total"`
}

// statSeverities are the columns of the stats table, most severe first.
var statSeverities = []model.Severity{model.SeverityCritical, model.SeverityHigh, model.SeverityMedium, model.SeverityLow, model.SeverityInfo}

// ruleStats groups enabled rules by provider and service (the first two
// parts of their first kind), sorted by provider then service.
func ruleStats(rules []*policy.Rule, provider string) []serviceStats {
	by := map[[2]string]*serviceStats{}
	for _, r := range rules {
		if !r.Enabled || len(r.Kinds) == 0 {
			continue
		}
		parts := strings.SplitN(r.Kinds[0], ".", 3)
		if len(parts) < 2 || (provider != "" && parts[0] != provider) {
			continue
		}
		key := [2]string{parts[0], parts[1]}
		st := by[key]
		if st == nil {
			st = &serviceStats{Provider: parts[0], Service: parts[1], Severities: map[string]int{}}
			by[key] = st
		}
		st.Severities[r.Severity.String()]++
		st.Total++
	}
	out := make([]serviceStats, 0, len(by))
	for _, st := range by {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Provider != out[j].Provider {
			return out[i].Provider < out[j].Provider
		}
		return out[i].Service < out[j].Service
	})
	return out
}

// printRuleStats renders the stats as a table with a total per provider
// and in all.
func printRuleStats(w io.Writer, stats []serviceStats) error {
	s := safetext.Terminal
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "PROVIDER\tSERVICE\t")
	for _, sev := range statSeverities {
		fmt.Fprintf(tw, "%s\t", strings.ToUpper(sev.String()))
	}
	fmt.Fprintln(tw, "TOTAL\t")
	row := func(provider, service string, sevs map[string]int, total int) {
		fmt.Fprintf(tw, "%s\t%s\t", s(provider), s(service))
		for _, sev := range statSeverities {
			fmt.Fprintf(tw, "%d\t", sevs[sev.String()])
		}
		fmt.Fprintf(tw, "%d\t\n", total)
	}
	all, allTotal := map[string]int{}, 0
	for i, st := range stats {
		row(st.Provider, st.Service, st.Severities, st.Total)
		for k, n := range st.Severities {
			all[k] += n
		}
		allTotal += st.Total
		if i == len(stats)-1 || stats[i+1].Provider != st.Provider {
			sum, total, services := map[string]int{}, 0, 0
			for _, o := range stats {
				if o.Provider == st.Provider {
					for k, n := range o.Severities {
						sum[k] += n
					}
					total += o.Total
					services++
				}
			}
			row(st.Provider, fmt.Sprintf("total (%d)", services), sum, total)
		}
	}
	row("all", "", all, allTotal)
	return tw.Flush()
}

// printCoverage renders a framework's coverage as a table and totals.
func printCoverage(w io.Writer, cov *compliance.Coverage) error {
	s := safetext.Terminal
	fmt.Fprintf(w, "%s (%s)\n\n", s(cov.Title), s(cov.Framework))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CONTROL\tASSESSMENT\tLEVEL\tTITLE\tRULES")
	for _, c := range cov.Controls {
		kind := "manual"
		if c.Automated {
			kind = "automated"
		}
		rules := strings.Join(c.Rules, ",")
		if rules == "" {
			rules = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\tL%d\t%s\t%s\n", s(c.ID), kind, c.Level, s(c.Title), s(rules))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, u := range cov.Unknown {
		fmt.Fprintf(w, "warning: rule mapping %s is not a control of %s\n", s(u), s(cov.Framework))
	}
	fmt.Fprintf(w, "\nautomated controls covered %d / %d\n", cov.AutomatedCovered, cov.Automated)
	_, err := fmt.Fprintf(w, "all controls with a rule %d / %d\n", cov.Covered, len(cov.Controls))
	return err
}

// readAttributes are the schema fields, of every kind the rule judges, at
// or under the paths the rule reads.
func readAttributes(r *policy.Rule) []model.Field {
	var out []model.Field
	seen := map[string]bool{}
	for _, k := range r.Kinds {
		ki, ok := model.LookupKind(k)
		if !ok {
			continue
		}
		for _, fd := range ki.Schema() {
			for _, p := range r.Reads {
				if (fd.Path == p || strings.HasPrefix(fd.Path, p+".") || strings.HasPrefix(fd.Path, p+"[")) && !seen[fd.Path] {
					seen[fd.Path] = true
					out = append(out, fd)
				}
			}
		}
	}
	return out
}

func explainRule(w io.Writer, r *policy.Rule, reads []model.Field) error {
	if err := printRule(w, r); err != nil {
		return err
	}
	s := safetext.Terminal
	if len(r.Reads) > 0 {
		fmt.Fprintln(w, "\nReads (input.attributes):")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, fd := range reads {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", s(fd.Path), s(fd.Type), s(fd.Doc))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if len(reads) == 0 {
			fmt.Fprintf(w, "  %s\n", s(strings.Join(r.Reads, ", ")))
		}
	}
	fmt.Fprintf(w, "\nRego source (%s):\n", s(r.File))
	for _, line := range strings.Split(strings.TrimRight(r.Source, "\n"), "\n") {
		fmt.Fprintf(w, "  %s\n", s(strings.ReplaceAll(line, "\t", "    ")))
	}
	return nil
}

func rulesEngine(f *rulesFlags) (*policy.Engine, error) {
	if f.format != "table" && f.format != "json" {
		return nil, usageError("--format %q: want table or json", f.format)
	}
	cfg, err := loadConfig(f.configPath)
	if err != nil {
		return nil, err
	}
	return engineFor(context.Background(), cfg, f.policies, nil, nil, f.noBuiltin, f.sandbox)
}

// ruleByID loads the rules and returns the one with this id.
func ruleByID(f *rulesFlags, id string) (*policy.Rule, error) {
	e, err := rulesEngine(f)
	if err != nil {
		return nil, err
	}
	r, ok := e.Rule(strings.ToUpper(id))
	if !ok {
		return nil, usageError("no rule %s (see `vigil rules list`)", id)
	}
	return r, nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printRules(w io.Writer, format string, rules []*policy.Rule) error {
	if format == "json" {
		if rules == nil {
			rules = []*policy.Rule{}
		}
		return writeJSON(w, rules)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tKINDS\tTITLE")
	for _, r := range rules {
		sev := r.Severity.String()
		if !r.Enabled {
			sev = "disabled"
		}
		kinds := strings.Join(r.Kinds, ",")
		if len(kinds) > 40 {
			kinds = r.Kinds[0] + fmt.Sprintf(" +%d", len(r.Kinds)-1)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, sev, kinds, safetext.Terminal(r.Title))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d rules\n", len(rules))
	return err
}

func printRule(w io.Writer, r *policy.Rule) error {
	s := safetext.Terminal
	fmt.Fprintf(w, "%s  %s\n\n", r.ID, s(r.Title))
	fmt.Fprintf(w, "Severity:    %s", r.Severity)
	if r.Severity != r.DefaultSeverity {
		fmt.Fprintf(w, " (re-rated from %s)", r.DefaultSeverity)
	}
	if !r.Enabled {
		fmt.Fprint(w, " — disabled by configuration")
	}
	fmt.Fprintf(w, "\nKinds:       %s\n", strings.Join(r.Kinds, ", "))
	src := r.File
	if r.Builtin {
		src += " (built-in)"
	}
	fmt.Fprintf(w, "Source:      %s\n", s(src))
	if r.Description != "" {
		fmt.Fprintf(w, "\n%s\n", s(r.Description))
	}
	if r.Remediation != "" {
		fmt.Fprintf(w, "\nRemediation:\n  %s\n", s(r.Remediation))
	}
	if len(r.Compliance) > 0 {
		fmt.Fprintln(w, "\nCompliance:")
		fws := make([]string, 0, len(r.Compliance))
		for fw := range r.Compliance {
			fws = append(fws, fw)
		}
		sort.Strings(fws)
		for _, fw := range fws {
			fmt.Fprintf(w, "  %-16s %s\n", fw, strings.Join(r.Compliance[fw], ", "))
		}
	}
	if len(r.References) > 0 {
		fmt.Fprintln(w, "\nReferences:")
		for _, ref := range r.References {
			fmt.Fprintf(w, "  %s\n", s(ref))
		}
	}
	return nil
}

func newSchemaCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "schema [KIND]",
		Short: "List resource kinds, or print the attributes of one kind",
		Long: `Every source (Terraform, CloudFormation, Kubernetes manifests, live
collectors) fills the same attributes for a kind, so a rule written against
them judges all sources alike. Rules read them as input.attributes.`,
		Example: `  vigil schema
  vigil schema aws.s3.bucket
  vigil schema kubernetes.deployment --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if format != "table" && format != "json" {
				return usageError("--format %q: want table or json", format)
			}
			if len(args) == 0 {
				kinds := model.Kinds()
				if format == "json" {
					type k struct {
						Name        string `json:"name"`
						Description string `json:"description"`
					}
					out := make([]k, 0, len(kinds))
					for _, x := range kinds {
						out = append(out, k{x.Name, x.Description})
					}
					return writeJSON(w, out)
				}
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				for _, k := range kinds {
					fmt.Fprintf(tw, "%s\t%s\n", k.Name, k.Description)
				}
				return tw.Flush()
			}
			k, ok := model.LookupKind(args[0])
			if !ok {
				return usageError("unknown kind %q (run `vigil schema` for the list)", args[0])
			}
			fields := k.Schema()
			if format == "json" {
				return writeJSON(w, map[string]any{"kind": k.Name, "description": k.Description, "attributes": fields})
			}
			fmt.Fprintf(w, "%s — %s\n\n", k.Name, k.Description)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ATTRIBUTE\tTYPE\tNOTES")
			for _, f := range fields {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Path, f.Type, f.Doc)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output format: table or json")
	return cmd
}
