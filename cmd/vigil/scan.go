package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vigil-sec/vigil/config"
	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/iac/terraform"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
	"github.com/vigil-sec/vigil/report"
	"github.com/vigil-sec/vigil/scan"
)

type scanFlags struct {
	format, output, failOn, severity, configPath string
	policies, disable, rerate, vars, varFiles    []string
	cfnParams, exclude                           []string
	includePassed, noColor, quiet, noBuiltin     bool
	cpuprofile                                   string
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan Terraform, Terraform plans, CloudFormation and Kubernetes manifests",
		Long: `Scan reads every IaC file under the given paths (default: the current
directory), normalizes the resources it declares, and evaluates the built-in
and custom rules on them.

Findings point at the file and line to fix. Values that cannot be known
before apply are never reported as if they were known.

Exit codes: 0 no failing finding at or above --fail-on; 1 there is one;
2 Vigil could not run (bad flags, bad config, bad custom rule, a path
that does not exist).

Suppress a finding inline with a comment inside or just above the resource:
  # vigil:ignore AWS-S3-006 logs bucket, versioning not needed
or in vigil.yaml (with a reason, owner and expiry date).`,
		Example: `  vigil scan examples/terraform
  vigil scan . --format sarif --output vigil.sarif --fail-on high
  vigil scan infra/ --var-file prod.tfvars --var region=eu-west-1
  vigil scan k8s/ --severity medium --disable-rule K8S-024
  vigil scan plan.json --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "table", "output format: "+strings.Join(report.Formats(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding of this severity or higher fails: info, low, medium, high, critical, none (default none)")
	fl.StringVar(&f.severity, "severity", "", "report only failures of this severity or higher")
	fl.StringVarP(&f.configPath, "config", "c", "", "config file (default ./vigil.yaml when present)")
	fl.StringArrayVarP(&f.policies, "policy", "p", nil, "directory of custom Rego rules (repeatable)")
	fl.BoolVar(&f.noBuiltin, "no-builtin", false, "run only the custom rules given with --policy")
	fl.StringArrayVar(&f.disable, "disable-rule", nil, "rule id not to run (repeatable, or comma-separated)")
	fl.StringArrayVar(&f.rerate, "rule-severity", nil, "re-rate a rule: ID=SEVERITY (repeatable)")
	fl.StringArrayVar(&f.vars, "var", nil, "Terraform variable: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "Terraform variables file (repeatable)")
	fl.StringArrayVar(&f.cfnParams, "cfn-param", nil, "CloudFormation parameter: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "glob of paths not to scan (repeatable)")
	fl.BoolVar(&f.includePassed, "include-passed", false, "include passed checks in the report")
	fl.BoolVar(&f.noColor, "no-color", false, "no colour in the table (also NO_COLOR=1)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress on standard error")
	fl.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to this file (for reporting slow scans)")
	_ = fl.MarkHidden("cpuprofile")
	return cmd
}

func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func keyValues(flag string, vals []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range vals {
		k, val, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, usageError("--%s %q: want NAME=VALUE", flag, v)
		}
		out[strings.TrimSpace(k)] = val
	}
	return out, nil
}

func loadConfig(path string) (*config.Config, error) {
	explicit := path != ""
	if !explicit {
		path = config.FileName
	}
	cfg, err := config.Load(path, explicit)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return cfg, nil
}

// engineFor builds the policy engine from config and flags (flags win).
func engineFor(ctx context.Context, cfg *config.Config, policies, disable, rerate []string, noBuiltin bool) (*policy.Engine, error) {
	sev := cfg.Severities()
	for _, r := range rerate {
		id, s, ok := strings.Cut(r, "=")
		if !ok {
			return nil, usageError("--rule-severity %q: want ID=SEVERITY", r)
		}
		v, err := model.ParseSeverity(s)
		if err != nil {
			return nil, usageError("--rule-severity %s: %v", id, err)
		}
		sev[strings.TrimSpace(id)] = v
	}
	e, err := policy.New(ctx, policy.Options{
		Dirs:       append(append([]string{}, cfg.Policies...), policies...),
		NoBuiltin:  noBuiltin,
		Disabled:   append(append([]string{}, cfg.Rules.Disable...), splitList(disable)...),
		Severities: sev,
	})
	if err != nil {
		return nil, usageError("%v", err)
	}
	return e, nil
}

func parseThreshold(flag, v string) (model.Severity, error) {
	if v == "" || strings.EqualFold(v, "none") {
		return model.SeverityUnknown, nil
	}
	s, err := model.ParseSeverity(v)
	if err != nil {
		return 0, usageError("--%s: %v", flag, err)
	}
	return s, nil
}

func runScan(cmd *cobra.Command, args []string, f *scanFlags) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tuneGC()
	if f.cpuprofile != "" {
		pf, err := os.Create(f.cpuprofile)
		if err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	// A mistyped path must not pass a CI gate as a clean scan of nothing.
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return usageError("cannot scan %s: %v", a, errors.Unwrap(err))
		}
	}
	if !validFormat(f.format) {
		return usageError("--format %q: want one of %s", f.format, strings.Join(report.Formats(), ", "))
	}
	cfg, err := loadConfig(f.configPath)
	if err != nil {
		return err
	}
	if f.failOn == "" {
		f.failOn = cfg.FailOn
	}
	if f.severity == "" {
		f.severity = cfg.Severity
	}
	failOn, err := parseThreshold("fail-on", f.failOn)
	if err != nil {
		return err
	}
	minSev, err := parseThreshold("severity", f.severity)
	if err != nil {
		return err
	}
	vars, err := keyValues("var", f.vars)
	if err != nil {
		return err
	}
	for k, v := range cfg.Terraform.Vars {
		if _, set := vars[k]; !set {
			vars[k] = v
		}
	}
	params, err := keyValues("cfn-param", f.cfnParams)
	if err != nil {
		return err
	}
	for k, v := range cfg.CloudFormation.Parameters {
		if _, set := params[k]; !set {
			params[k] = v
		}
	}
	for _, vf := range f.varFiles {
		if _, err := os.Stat(vf); err != nil {
			return usageError("--var-file %s: %v", vf, err)
		}
	}
	stderr := cmd.ErrOrStderr()
	progress := newProgress(stderr, !f.quiet)
	// Compile the rules while the IaC is read: neither needs the other.
	type built struct {
		e   *policy.Engine
		err error
	}
	engineCh := make(chan built, 1)
	go func() {
		e, err := engineFor(ctx, cfg, f.policies, f.disable, f.rerate, f.noBuiltin)
		engineCh <- built{e, err}
	}()
	base, _ := os.Getwd()
	progress.status("reading " + strings.Join(args, " "))
	start := time.Now()
	opts := scan.Options{
		Targets: args,
		Base:    base,
		Config:  cfg,
		IaC: iac.Options{
			Terraform: terraform.Options{Vars: vars, VarFiles: append(append([]string{}, cfg.Terraform.VarFiles...), f.varFiles...)},
			CFNParams: params,
			Exclude:   append(append([]string{}, cfg.Exclude...), f.exclude...),
			Progress:  func(p string) { progress.status("reading " + p) },
		},
		MinSeverity:   minSev,
		IncludePassed: f.includePassed,
	}
	loaded := scan.Load(ctx, opts)
	progress.status(fmt.Sprintf("evaluating %d resources", len(loaded.Resources)))
	b := <-engineCh
	if b.err != nil {
		progress.done()
		return b.err
	}
	opts.Engine = b.e
	res, err := scan.Judge(ctx, opts, loaded, start)
	progress.done()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	var out io.Writer = cmd.OutOrStdout()
	color := f.format == "table" && !f.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(out)
	if f.output != "" {
		fh, err := os.Create(f.output)
		if err != nil {
			return usageError("--output: %v", err)
		}
		defer fh.Close()
		out = fh
		color = false
	}
	width := 100
	if fd, ok := out.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(int(fd.Fd())); err == nil && w > 40 {
			width = w
		}
	}
	if err := report.Write(out, f.format, res, report.Options{Color: color, Width: width, IncludePassed: f.includePassed}); err != nil {
		return &exitError{code: 2, err: err}
	}
	if f.output != "" && !f.quiet {
		fmt.Fprintf(stderr, "wrote %s report to %s (%d failed, %d suppressed)\n", f.format, f.output, res.Summary.Fail, res.Summary.Suppressed)
	}
	if failOn != model.SeverityUnknown {
		for _, fd := range res.Findings {
			if fd.Status == model.StatusFail && fd.Severity >= failOn {
				return &exitError{code: 1}
			}
		}
	}
	return nil
}

func validFormat(f string) bool {
	for _, x := range report.Formats() {
		if x == f {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	fd, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(fd.Fd()))
}

// progress shows one transient status line on a terminal, and nothing
// otherwise (IaC scans are quick; logs stay clean).
type progress struct {
	w       io.Writer
	enabled bool
	shown   bool
}

func newProgress(w io.Writer, enabled bool) *progress {
	return &progress{w: w, enabled: enabled && isTerminal(w)}
}

func (p *progress) status(s string) {
	if !p.enabled {
		return
	}
	if len(s) > 70 {
		s = "..." + s[len(s)-67:]
	}
	fmt.Fprintf(p.w, "\r\033[K%s", report.Sanitize(s))
	p.shown = true
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// tuneGC lets the heap grow to three times the live data between
// collections (unless GOGC says otherwise): a scan builds a large,
// short-lived heap of syntax trees and values, and collecting it less often
// saves about a quarter of the time while peak memory stays under the
// 400 MB budget for 10,000 resources (see go run ./bench).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
