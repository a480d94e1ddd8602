package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/vigil-sec/vigil/config"
	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/iac/terraform"
	"github.com/vigil-sec/vigil/internal/gctarget"
	"github.com/vigil-sec/vigil/internal/safetext"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
	"github.com/vigil-sec/vigil/report"
	"github.com/vigil-sec/vigil/scan"
	"github.com/vigil-sec/vigil/store"
)

// reportFlags are shared by every scan: rules, filters, output.
type reportFlags struct {
	format, output, failOn, severity, configPath string
	policies, disable, rerate                    []string
	includePassed, noColor, quiet, noBuiltin     bool
	failOnErrors, details                        bool
	cpuprofile                                   string
	sandbox                                      sandboxFlags
	// db is where scans are kept (--db); noStore scans without keeping.
	db      string
	noStore bool
}

// sandboxFlags loosen the rule sandbox, on top of vigil.yaml's sandbox
// section.
type sandboxFlags struct {
	allowBuiltins, allowNet []string
}

func (f *sandboxFlags) register(fl *pflag.FlagSet) {
	fl.StringArrayVar(&f.allowBuiltins, "allow-builtin", nil, "let rules call this restricted built-in (repeatable): "+
		strings.Join(policy.RestrictedBuiltins(), ", "))
	fl.StringArrayVar(&f.allowNet, "allow-net", nil, "host an allowed http.send or net.lookup_ip_addr may reach (repeatable)")
}

// Exit codes. When several apply, the first in this order wins: a scan
// that read nothing is never a pass (2); a failing finding is certain
// whatever else was not read (1); an incomplete scan with no failing
// finding in what was read is not proven clean (3, with --fail-on-errors).
const (
	exitFindings = 1
	exitNoScan   = 2
	exitUnread   = 3
)

func (f *reportFlags) register(fl *pflag.FlagSet) {
	fl.StringVarP(&f.format, "format", "f", "table", "output format: "+strings.Join(report.Formats(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding of this severity or higher fails: info, low, medium, high, critical, none (default none)")
	fl.BoolVar(&f.failOnErrors, "fail-on-errors", false, "exit 3 when an input could not be read (a file, an account, a region or service) or a rule could not be evaluated, and no finding made it exit 1")
	fl.StringVar(&f.db, "db", "", "keep the scan in this database for history, diff and the finding lifecycle: "+strings.TrimPrefix(dbFlagHelp, "the database: "))
	fl.BoolVar(&f.noStore, "no-store", false, "do not keep this scan (no history, diff or lifecycle)")
	fl.BoolVar(&f.details, "details", false, "table: show each failed finding's resource id, evidence, remediation and the suppression that would accept it")
	fl.StringVar(&f.severity, "severity", "", "report only failures of this severity or higher")
	fl.StringVarP(&f.configPath, "config", "c", "", "config file (default ./vigil.yaml when present)")
	fl.StringArrayVarP(&f.policies, "policy", "p", nil, "directory of custom Rego rules (repeatable)")
	fl.BoolVar(&f.noBuiltin, "no-builtin", false, "run only the custom rules given with --policy")
	f.sandbox.register(fl)
	fl.StringArrayVar(&f.disable, "disable-rule", nil, "rule id not to run (repeatable, or comma-separated)")
	fl.StringArrayVar(&f.rerate, "rule-severity", nil, "re-rate a rule: ID=SEVERITY (repeatable)")
	fl.BoolVar(&f.includePassed, "include-passed", false, "include passed checks in the report")
	fl.BoolVar(&f.noColor, "no-color", false, "no colour in the table (also NO_COLOR=1)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress on standard error")
	fl.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to this file (for reporting slow scans)")
	_ = fl.MarkHidden("cpuprofile")
}

// iacFlags only make sense for IaC.
type iacFlags struct {
	vars, varFiles, cfnParams, exclude []string
}

func newScanCmd() *cobra.Command {
	var rf reportFlags
	var f iacFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...] | scan aws",
		Short: "Scan IaC (Terraform, plans, CloudFormation, Kubernetes) or a live AWS estate",
		Long: `Scan reads every IaC file under the given paths (default: the current
directory), normalizes the resources it declares, and evaluates the built-in
and custom rules on them. "vigil scan aws" reads a live AWS estate instead
(see vigil scan aws --help); the same rules judge both.

Findings point at the file and line to fix. Values that cannot be known
before apply are never reported as if they were known. What a scan meets
but cannot judge is counted under "Not judged" in every format: resource
types Vigil does not map yet (azurerm_*, google_*, AWS::Foo::Bar,
ConfigMap ...), Terraform modules not found (run terraform init), Helm
charts and kustomizations, which Vigil does not render yet.

Exit codes: 0 no failing finding at or above --fail-on; 1 there is one;
2 Vigil could not run (bad flags, bad config, bad custom rule, a path
that does not exist) or scanned nothing (no IaC file, none parsed, no
resource Vigil maps, no account readable: the report is still written);
3 with --fail-on-errors, an input could not be read or a rule could not
be evaluated, and no finding made it exit 1. 2 wins over 1, 1 over 3.

Suppress a finding inline with a comment inside or just above the resource:
  # vigil:ignore AWS-S3-006 logs bucket, versioning not needed
or in vigil.yaml (with a reason, owner and expiry date).`,
		Example: `  vigil scan examples/terraform
  vigil scan . --format sarif --output vigil.sarif --fail-on high
  vigil scan infra/ --var-file prod.tfvars --var region=eu-west-1
  vigil scan k8s/ --severity medium --disable-rule K8S-024
  vigil scan plan.json --format json
  vigil scan aws --profile audit --regions eu-west-1,us-east-1`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIaCScan(cmd, args, &rf, &f)
		},
	}
	rf.register(cmd.PersistentFlags())
	fl := cmd.Flags()
	fl.StringArrayVar(&f.vars, "var", nil, "Terraform variable: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.varFiles, "var-file", nil, "Terraform variables file (repeatable)")
	fl.StringArrayVar(&f.cfnParams, "cfn-param", nil, "CloudFormation parameter: NAME=VALUE (repeatable)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "glob of paths not to scan (repeatable)")
	cmd.AddCommand(newScanAWSCmd(&rf))
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

func engineFor(ctx context.Context, cfg *config.Config, policies, disable, rerate []string, noBuiltin bool, sb sandboxFlags) (*policy.Engine, error) {
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
		Sandbox: policy.Sandbox{
			AllowBuiltins: append(append([]string{}, cfg.Sandbox.AllowBuiltins...), splitList(sb.allowBuiltins)...),
			AllowNet:      append(append([]string{}, cfg.Sandbox.AllowNet...), splitList(sb.allowNet)...),
			Timeout:       cfg.Sandbox.EvalTimeout(),
			Memory:        uint64(cfg.Sandbox.MemoryMB) << 20,
		},
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

// session is what every scan sets up before reading: configuration,
// thresholds, progress, and the rules compiling in the background (they
// need nothing the reading produces).
type session struct {
	ctx context.Context
	// cancel stops reading early when the rules fail to load: the scan
	// could not be judged anyway.
	cancel   context.CancelCauseFunc
	cfg      *config.Config
	failOn   model.Severity
	minSev   model.Severity
	progress *progress
	// engineReady is closed when engine holds the built rules (or why
	// they could not be built).
	engineReady chan struct{}
	engine      engineResult
	start       time.Time
	cleanup     []func()
	// store keeps the scan; nil with --no-store or when the default
	// database could not be opened (then storeErr says why).
	store    store.Store
	storeErr error
}

type engineResult struct {
	e   *policy.Engine
	err error
}

func (s *session) close() {
	for i := len(s.cleanup) - 1; i >= 0; i-- {
		s.cleanup[i]()
	}
}

func begin(cmd *cobra.Command, rf *reportFlags) (*session, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ctx, cancel := context.WithCancelCause(ctx)
	s := &session{ctx: ctx, cancel: cancel, cleanup: []func(){stop, func() { cancel(nil) }}, start: time.Now()}
	if rf.cpuprofile != "" {
		pf, err := os.Create(rf.cpuprofile)
		if err != nil {
			s.close()
			return nil, usageError("--cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			pf.Close()
			s.close()
			return nil, usageError("--cpuprofile: %v", err)
		}
		s.cleanup = append(s.cleanup, func() { pprof.StopCPUProfile(); pf.Close() })
	}
	if !validFormat(rf.format) {
		s.close()
		return nil, usageError("--format %q: want one of %s", rf.format, strings.Join(report.Formats(), ", "))
	}
	var err error
	if s.cfg, err = loadConfig(rf.configPath); err != nil {
		s.close()
		return nil, err
	}
	if rf.failOn == "" {
		rf.failOn = s.cfg.FailOn
	}
	if rf.severity == "" {
		rf.severity = s.cfg.Severity
	}
	if !cmd.Flags().Changed("fail-on-errors") {
		rf.failOnErrors = s.cfg.FailOnErrors
	}
	if !cmd.Flags().Changed("details") {
		rf.details = s.cfg.Details
	}
	if s.failOn, err = parseThreshold("fail-on", rf.failOn); err != nil {
		s.close()
		return nil, err
	}
	if s.minSev, err = parseThreshold("severity", rf.severity); err != nil {
		s.close()
		return nil, err
	}
	s.progress = newProgress(cmd.ErrOrStderr(), !rf.quiet)
	if err := s.openStore(ctx, rf); err != nil {
		s.close()
		return nil, err
	}
	s.engineReady = make(chan struct{})
	go func() {
		e, err := engineFor(ctx, s.cfg, rf.policies, rf.disable, rf.rerate, rf.noBuiltin, rf.sandbox)
		if err == nil {
			if cerr := s.cfg.CheckRules(func(id string) bool { _, ok := e.Rule(id); return ok }); cerr != nil {
				err = usageError("%v", cerr)
			}
		}
		if err != nil {
			cancel(err)
		}
		s.engine = engineResult{e, err}
		close(s.engineReady)
	}()
	return s, nil
}

// builtEngine waits for the rules to be built: nil when they could not be.
func (s *session) builtEngine() *policy.Engine {
	<-s.engineReady
	return s.engine.e
}

// run reads the source while the rules compile, judges what was read,
// writes the report and decides the exit code.
func (s *session) run(cmd *cobra.Command, rf *reportFlags, src scan.Source) error {
	opts := scan.Options{Config: s.cfg, MinSeverity: s.minSev, IncludePassed: rf.includePassed, Progress: scan.PrepareAhead(s.ctx, s.progress.event, s.builtEngine),
		Store: s.store}
	in, err := scan.Read(s.ctx, src, opts)
	if err != nil {
		s.progress.done()
		var rulesErr *exitError
		if errors.As(context.Cause(s.ctx), &rulesErr) {
			return rulesErr // the rules failed to load and stopped the reading
		}
		return &exitError{code: 2, err: err}
	}
	<-s.engineReady
	b := s.engine
	if b.err != nil {
		s.progress.done()
		return b.err
	}
	opts.Engine = b.e
	res, err := scan.Judge(s.ctx, opts, in, s.start)
	s.progress.done()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if res.Scan.Snapshot > 0 && !rf.quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "kept as snapshot %d (vigil history lists snapshots; vigil diff compares the last two)\n", res.Scan.Snapshot)
	}
	if s.storeErr != nil {
		res.Warnings = append(res.Warnings, model.ScanError{Source: "store",
			Message: "this scan was not stored (history, diff and the finding lifecycle do not include it): " + s.storeErr.Error()})
	}
	var out io.Writer = cmd.OutOrStdout()
	color := rf.format == "table" && !rf.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(out)
	if rf.output != "" {
		fh, err := os.Create(rf.output)
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
	if err := report.Write(out, rf.format, res, report.Options{Color: color, Width: width, IncludePassed: rf.includePassed, Details: rf.details}); err != nil {
		return &exitError{code: 2, err: err}
	}
	if rf.output != "" && !rf.quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s report to %s (%d failed, %d suppressed, %d not read)\n",
			rf.format, rf.output, res.Summary.Fail, res.Summary.Suppressed, len(res.Errors))
	}
	return exitCode(res, s.failOn, rf.failOnErrors)
}

// exitCode decides how the scan ends (see the exit code constants).
func exitCode(res *model.Result, failOn model.Severity, failOnErrors bool) error {
	if res.Scan.NothingScanned != "" {
		return &exitError{code: exitNoScan, err: nothingScannedError(res)}
	}
	if failOn != model.SeverityUnknown {
		for _, fd := range res.Findings {
			if fd.Status == model.StatusFail && fd.Severity >= failOn {
				return &exitError{code: exitFindings}
			}
		}
	}
	if failOnErrors && (len(res.Errors) > 0 || res.Summary.Error > 0) {
		return &exitError{code: exitUnread, err: fmt.Errorf("--fail-on-errors: %s not read, %s (see the report)",
			plural(len(res.Errors), "input"), plural(res.Summary.Error, "rule evaluation error"))}
	}
	return nil
}

// nothingScannedError says why, with the errors that explain it (the
// report lists them too, but a CI log shows standard error first).
func nothingScannedError(res *model.Result) error {
	var b strings.Builder
	b.WriteString("nothing scanned: " + safetext.Terminal(res.Scan.NothingScanned))
	var errs []model.ScanError
	for _, e := range res.Errors {
		if e.Source != model.NothingScannedSource { // not the reason itself
			errs = append(errs, e)
		}
	}
	const most = 20
	for n, e := range errs {
		if n == most {
			fmt.Fprintf(&b, "\n  ... and %d more in the report", len(errs)-most)
			break
		}
		b.WriteString("\n  ")
		if e.File != "" {
			b.WriteString(safetext.Terminal(e.File))
			if e.Line > 0 {
				fmt.Fprintf(&b, ":%d", e.Line)
			}
			b.WriteString(": ")
		} else if e.Source != "" {
			b.WriteString(safetext.Terminal(e.Source) + ": ")
		}
		b.WriteString(safetext.Terminal(e.Message))
	}
	return errors.New(b.String())
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func runIaCScan(cmd *cobra.Command, args []string, rf *reportFlags, f *iacFlags) error {
	if len(args) == 0 {
		args = []string{"."}
	}
	gctarget.Apply(gctarget.Files)
	// A mistyped path must not pass a CI gate as a clean scan of nothing.
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return usageError("cannot scan %s: %v", a, errors.Unwrap(err))
		}
	}
	vars, err := keyValues("var", f.vars)
	if err != nil {
		return err
	}
	params, err := keyValues("cfn-param", f.cfnParams)
	if err != nil {
		return err
	}
	for _, vf := range f.varFiles {
		if _, err := os.Stat(vf); err != nil {
			return usageError("--var-file %s: %v", vf, err)
		}
	}
	s, err := begin(cmd, rf)
	if err != nil {
		return err
	}
	defer s.close()
	for k, v := range s.cfg.Terraform.Vars {
		if _, set := vars[k]; !set {
			vars[k] = v
		}
	}
	for k, v := range s.cfg.CloudFormation.Parameters {
		if _, set := params[k]; !set {
			params[k] = v
		}
	}
	base, _ := os.Getwd()
	return s.run(cmd, rf, &scan.IaC{Targets: args, Base: base, Options: iac.Options{
		Terraform: terraform.Options{Vars: vars, VarFiles: append(append([]string{}, s.cfg.Terraform.VarFiles...), f.varFiles...)},
		CFNParams: params,
		Exclude:   append(append([]string{}, s.cfg.Exclude...), f.exclude...),
	}})
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

// progress shows one transient status line on a terminal. Elsewhere it
// writes plain log lines, but only for milestones (IaC scans are quick;
// live scans log their milestones).
type progress struct {
	w       io.Writer
	enabled bool // a terminal: transient status line
	logging bool // not a terminal, not quiet: log lines
	shown   bool
	// Running totals of a live scan, and the units done at the last line
	// logged.
	found, failed, lastLogged int
}

func newProgress(w io.Writer, enabled bool) *progress {
	tty := isTerminal(w)
	return &progress{w: w, enabled: enabled && tty, logging: enabled && !tty}
}

// event renders one step of a scan. Scan events come one at a time.
func (p *progress) event(ev scan.Event) {
	switch ev.Kind {
	case scan.EventReadStarted:
		if ev.Source == "iac" {
			p.status("reading " + strings.Join(ev.Targets, " "))
		} else {
			p.log("collecting " + strings.ToUpper(ev.Source) + " resources")
		}
	case scan.EventFile:
		p.status("reading " + ev.File)
	case scan.EventUnitDone:
		p.unitDone(ev)
	case scan.EventReadDone:
		if ev.Source != "iac" {
			p.log(fmt.Sprintf("collected %d resources from %d account(s) and %d region(s) in %s: %d API calls, %d collection errors",
				ev.Resources, ev.Accounts, ev.Regions, ev.Duration.Round(time.Millisecond), ev.Calls, ev.Errors))
		}
	case scan.EventEvaluating:
		p.status(fmt.Sprintf("evaluating %d resources", ev.Resources))
	}
}

// unitDone shows running totals, then the unit (account, region, service)
// that just finished. A log gets a line for every unit with errors and
// every tenth of the work; a terminal shows every unit.
func (p *progress) unitDone(ev scan.Event) {
	p.found += ev.Resources
	p.failed += ev.Errors
	u := ev.Unit
	if u == nil {
		u = &model.Unit{}
	}
	region := u.Region
	if region == "" {
		region = "global"
	}
	line := fmt.Sprintf("[%d/%d] %d resources, %d errors — %s %s %s", ev.Done, ev.Total, p.found, p.failed, u.Account, region, u.Service)
	if ev.Errors > 0 {
		line += fmt.Sprintf(" (%d errors)", ev.Errors)
	}
	if p.logging {
		if ev.Errors > 0 || ev.Done*10/max(ev.Total, 1) > p.lastLogged*10/max(ev.Total, 1) || ev.Done == ev.Total {
			p.log(line)
			p.lastLogged = ev.Done
		}
		return
	}
	p.status(line)
}

// log writes a milestone: a status on a terminal, a line in a log.
func (p *progress) log(s string) {
	if p.logging {
		fmt.Fprintf(p.w, "%s %s\n", time.Now().Format("15:04:05"), safetext.Terminal(s))
		return
	}
	p.status(s)
}

func (p *progress) status(s string) {
	if !p.enabled {
		return
	}
	if len(s) > 70 {
		s = "..." + s[len(s)-67:]
	}
	fmt.Fprintf(p.w, "\r\033[K%s", safetext.Terminal(s))
	p.shown = true
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// openStore opens the database scans are kept in, before a long scan
// rather than after it. A database named with --db that cannot be opened
// stops the scan; the default one only costs this scan its history, said
// as a warning in the report.
func (s *session) openStore(ctx context.Context, rf *reportFlags) error {
	if rf.noStore {
		if rf.db != "" {
			return usageError("--db and --no-store contradict each other")
		}
		return nil
	}
	dsn := rf.db
	if dsn == "" {
		p, err := store.DefaultPath()
		if err != nil {
			s.storeErr = err
			return nil
		}
		dsn = p
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		if rf.db != "" {
			return &exitError{code: 2, err: fmt.Errorf("--db: %w", err)}
		}
		s.storeErr = err
		return nil
	}
	s.store = st
	s.cleanup = append(s.cleanup, func() { _ = st.Close() })
	return nil
}
