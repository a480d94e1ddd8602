// Package scan runs Vigil's main job on any source (IaC files, a live
// cloud): read resources, judge them with the policy engine, and assemble
// the scan result. The CLI and a server call it alike; progress comes out
// as typed events.
package scan

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vigil-sec/vigil/config"
	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
	"github.com/vigil-sec/vigil/store"
)

// Options for one scan, whatever its source.
type Options struct {
	Engine *policy.Engine
	Config *config.Config
	// MinSeverity drops failed findings below it from the report (they
	// still count in nothing: the summary reflects what is reported).
	MinSeverity model.Severity
	// IncludePassed keeps pass findings in the report.
	IncludePassed bool
	// Workers for rule evaluation; 0 = one per CPU.
	Workers int
	// Progress, when set, receives the scan's events in order, one at a
	// time.
	Progress func(Event)
	// Now is the clock for suppression expiry (tests set it).
	Now func() time.Time
	// Store, when set, keeps the scan as a snapshot (history, finding
	// lifecycle, diff). It is given every verdict, passes included and
	// before MinSeverity, so that a finding left out of the report is not
	// taken for resolved.
	Store store.Store
}

func (o *Options) now() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

// Run reads the source and judges what it read.
func Run(ctx context.Context, src Source, opts Options) (*model.Result, error) {
	start := opts.now()()
	readOpts := opts
	if opts.Engine != nil {
		readOpts.Progress = PrepareAhead(ctx, opts.Progress, func() *policy.Engine { return opts.Engine })
	}
	in, err := Read(ctx, src, readOpts)
	if err != nil {
		return nil, err
	}
	return Judge(ctx, opts, in, start)
}

// PrepareAhead passes a source's events on to progress (which may be nil)
// and, on each kinds event, compiles the rules of those kinds in the
// background, so that they compile while the source reads on. engine may
// wait for an engine being built; nil means none could be. An error comes
// back from Evaluate, which compiles what is left.
func PrepareAhead(ctx context.Context, progress func(Event), engine func() *policy.Engine) func(Event) {
	return func(ev Event) {
		if ev.Kind == EventKinds {
			go func() {
				if e := engine(); e != nil {
					_ = e.Prepare(ctx, ev.Kinds)
				}
			}()
		}
		if progress != nil {
			progress(ev)
		}
	}
}

// Judge evaluates loaded resources and assembles the report; start is when
// the scan began.
func Judge(ctx context.Context, opts Options, loaded *Input, start time.Time) (*model.Result, error) {
	opts.Now = opts.now()
	emit := emitter(opts.Progress, opts.Now)
	if opts.Config == nil {
		opts.Config = &config.Config{}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	known := func(id string) bool { _, ok := opts.Engine.Rule(id); return ok }
	if err := opts.Config.CheckRules(known); err != nil {
		return nil, err
	}
	emit(Event{Kind: EventEvaluating, Resources: len(loaded.Resources), Errors: len(loaded.Errors)})
	findings, err := opts.Engine.Evaluate(ctx, loaded.Resources, policy.EvalOptions{Workers: opts.Workers,
		// A kind a unit could not list voids the joins over it.
		Unread: policy.UnreadOf(loaded.Units)})
	if err != nil {
		return nil, err
	}
	now := opts.Now()
	for i := range findings {
		f := &findings[i]
		if f.Status == model.StatusFail {
			if s, expired := opts.Config.Suppress(f, now); s != nil {
				f.Status = model.StatusSuppressed
				f.SuppressedBy = s.Describe()
			} else if expired != nil {
				f.SuppressionExpired = expired.DescribeExpired()
			}
		}
	}
	var snapshot int64
	var storeErr error
	if opts.Store != nil {
		snapshot, storeErr = keep(ctx, opts.Store, loaded, findings, start, opts.Now())
	}
	kept := findings[:0]
	for _, f := range findings {
		if f.Status != model.StatusPass && f.Status != model.StatusError && f.Severity < opts.MinSeverity {
			continue
		}
		kept = append(kept, f)
	}
	summary := model.Summarize(kept)
	if !opts.IncludePassed {
		out := kept[:0]
		for _, f := range kept {
			if f.Status != model.StatusPass {
				out = append(out, f)
			}
		}
		kept = out
	}
	Sort(kept) // after dropping the passes: they are most of the findings
	res := &model.Result{
		Tool:     tool(),
		Findings: kept,
		Summary:  summary,
	}
	res.Scan = model.ScanInfo{ID: newID(), StartedAt: start, FinishedAt: opts.Now(), Targets: loaded.Targets,
		Resources: len(loaded.Resources), Rules: enabled(opts.Engine)}
	res.Scan.DurationMS = res.Scan.FinishedAt.Sub(start).Milliseconds()
	res.Scan.Sources = loaded.Sources
	res.Errors = loaded.Errors
	if loaded.NothingScanned != "" {
		res.Scan.NothingScanned = loaded.NothingScanned
		res.Errors = append(res.Errors, model.ScanError{Message: "nothing scanned: " + loaded.NothingScanned, Source: model.NothingScannedSource})
	}
	res.Warnings = warnings(opts.Config, loaded.Resources, known, now)
	res.Rules = RuleInfos(opts.Engine, kept)
	res.Units = loaded.Units
	res.Scan.Snapshot = snapshot
	if storeErr != nil {
		// The report is still whole; only its history is missing.
		res.Warnings = append(res.Warnings, model.ScanError{Source: "store",
			Message: "this scan was not stored, so history, diff and the finding lifecycle do not include it: " + storeErr.Error()})
	}
	res.Summary.NotJudged = loaded.Unjudged
	emit(Event{Kind: EventScanDone, Resources: len(loaded.Resources), Errors: len(res.Errors), Summary: &res.Summary})
	return res, nil
}

// warnings are what a person should fix though nothing was lost: an
// inline vigil:ignore naming no loaded rule (it silences nothing; a typo
// would leave the finding reported, so a warning rather than an error,
// and IaC is often shared with other tools and Vigil versions), and
// every expired suppression in vigil.yaml.
func warnings(cfg *config.Config, rs []*model.Resource, known func(string) bool, now time.Time) []model.ScanError {
	var out []model.ScanError
	seen := map[string]bool{}
	for _, r := range rs {
		for _, ig := range r.Ignores {
			if ig.RuleID == "*" || strings.EqualFold(ig.RuleID, "all") || known(ig.RuleID) {
				continue
			}
			key := fmt.Sprintf("%s\x00%d\x00%s", ig.At.File, ig.At.StartLine, ig.RuleID)
			if seen[key] {
				continue // joined resources share their blocks' ignores
			}
			seen[key] = true
			out = append(out, model.ScanError{File: ig.At.File, Line: ig.At.StartLine, Source: "vigil:ignore",
				Message: "unknown rule id " + ig.RuleID + " in vigil:ignore: no rule of that id is loaded, so it suppresses nothing (see vigil rules list)"})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Message < out[j].Message
	})
	for i := range cfg.Suppressions {
		s := &cfg.Suppressions[i]
		if !s.Expired(now) {
			continue
		}
		what := s.Rule
		if s.Resource != "" {
			what += " on " + s.Resource
		}
		out = append(out, model.ScanError{File: s.File, Line: s.Line, Source: "vigil.yaml",
			Message: fmt.Sprintf("suppression of %s expired on %s (%s); its findings are reported again", what, s.Expires, s.Reason)})
	}
	return out
}

func tool() model.Tool {
	bi := buildinfo.Get()
	return model.Tool{Name: "vigil", Version: bi.Version, Commit: bi.Commit, RulesDigest: bi.RulesDigest}
}

func enabled(e *policy.Engine) int {
	n := 0
	for _, r := range e.Rules() {
		if r.Enabled {
			n++
		}
	}
	return n
}

// RuleInfos describes the rules that appear in findings.
func RuleInfos(e *policy.Engine, fs []model.Finding) []model.RuleInfo {
	seen := map[string]bool{}
	var out []model.RuleInfo
	for _, f := range fs {
		if seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		if r, ok := e.Rule(f.RuleID); ok {
			out = append(out, model.RuleInfo{ID: r.ID, Title: r.Title, Description: r.Description,
				Severity: r.Severity, Remediation: r.Remediation, References: r.References, Compliance: r.Compliance})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Sort orders findings: failures first, then by severity (highest first),
// file, line, rule and resource, so reports are stable.
func Sort(fs []model.Finding) {
	// Findings are large: order their indexes, then move each once.
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmpFindings(&fs[i], &fs[j]) })
	sorted := make([]model.Finding, len(fs))
	for n, i := range idx {
		sorted[n] = fs[i]
	}
	copy(fs, sorted)
}

func statusRank(s model.Status) int {
	switch s {
	case model.StatusFail:
		return 0
	case model.StatusError:
		return 1
	case model.StatusSuppressed:
		return 2
	case model.StatusPass:
		return 3
	}
	return 4
}

func cmpFindings(a, b *model.Finding) int {
	if c := cmp.Compare(statusRank(a.Status), statusRank(b.Status)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	if c := cmp.Compare(loc(a), loc(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(line(a), line(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.RuleID, b.RuleID); c != 0 {
		return c
	}
	return cmp.Compare(a.Resource.ID, b.Resource.ID)
}

func loc(f *model.Finding) string {
	if f.Location == nil {
		return f.Resource.ID
	}
	return f.Location.File
}

func line(f *model.Finding) int {
	if f.Location == nil {
		return 0
	}
	return f.Location.StartLine
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
