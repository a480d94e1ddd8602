package drift

import (
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// FindingDiff is how the failed findings moved between two snapshots.
type FindingDiff struct {
	// New fail now and did not before, and were never resolved before.
	New []FindingRef `json:"new"`
	// Resolved failed before and now pass, or their resource was read
	// absent (deleted).
	Resolved []FindingRef `json:"resolved"`
	// Reopened fail now, did not before, and had been resolved earlier.
	Reopened []FindingRef `json:"reopened"`
	// Stale failed before and have no verdict now because their resource
	// could not be read or judged: they stay open.
	Stale []FindingRef `json:"stale"`
	// StillFailing counts findings that failed in both snapshots.
	StillFailing int `json:"still_failing"`
}

// FindingRef names one finding in a diff.
type FindingRef struct {
	RuleID      string            `json:"rule_id"`
	Title       string            `json:"title,omitempty"`
	Severity    model.Severity    `json:"severity"`
	Resource    model.ResourceRef `json:"resource"`
	Message     string            `json:"message,omitempty"`
	Fingerprint string            `json:"fingerprint"`
	// Why, for a stale finding: why there is no verdict.
	Why string `json:"why,omitempty"`
}

// Reasons a finding is stale.
const (
	WhyUnread    = "resource not read: its unit failed"
	WhyNoVerdict = "resource read, but what the rule reads is unknown"
	WhyError     = "the rule could not be evaluated"
)

// FindingOptions are what Findings needs besides the two sets.
type FindingOptions struct {
	// Resolved holds the keys of findings resolved at some earlier time
	// (the store's lifecycle): one failing again is reopened, not new.
	Resolved map[model.FindingKey]bool
	// Units are the outcomes of the collection behind after.
	Units []model.UnitOutcome
	// After are the resources of the later snapshot. With them, a finding
	// that disappears while its resource is still there (no verdict: an
	// unread attribute) is stale, not resolved. Without them, only the
	// units decide.
	After []*model.Resource
}

// Findings compares the findings of two snapshots by their stable key
// (model.Finding.Key). A finding is resolved only on evidence: a pass, or
// its resource read absent; a collection error, a rule error or an unknown
// attribute leaves it stale.
func Findings(before, after []model.Finding, opt FindingOptions) FindingDiff {
	d := FindingDiff{New: []FindingRef{}, Resolved: []FindingRef{}, Reopened: []FindingRef{}, Stale: []FindingRef{}}
	was, now := byKey(before), byKey(after)
	for k, f := range now {
		if f.Status != model.StatusFail {
			continue
		}
		if p, ok := was[k]; ok && p.Status == model.StatusFail {
			d.StillFailing++
			continue
		}
		if opt.Resolved[k] {
			d.Reopened = append(d.Reopened, refOf(f))
		} else {
			d.New = append(d.New, refOf(f))
		}
	}
	var present map[string]bool
	if opt.After != nil {
		present = make(map[string]bool, len(opt.After))
		for _, r := range opt.After {
			present[r.Kind+"\x00"+r.ID] = true
		}
	}
	cov := coverage{opt.Units}
	for k, f := range was {
		if f.Status != model.StatusFail {
			continue
		}
		n, ok := now[k]
		switch {
		case ok && n.Status == model.StatusFail:
			// counted above
		case ok && n.Status == model.StatusPass:
			d.Resolved = append(d.Resolved, refOf(n))
		case ok && n.Status == model.StatusError:
			d.Stale = append(d.Stale, stale(f, WhyError))
		case ok:
			// Suppressed now: still failing, accepted; not a movement.
		case cov.Unread(f.Resource.Kind, f.Resource.Account, f.Resource.Region):
			d.Stale = append(d.Stale, stale(f, WhyUnread))
		case present != nil && present[f.Resource.Kind+"\x00"+f.Resource.ID]:
			d.Stale = append(d.Stale, stale(f, WhyNoVerdict))
		default:
			d.Resolved = append(d.Resolved, refOf(f))
		}
	}
	for _, l := range [][]FindingRef{d.New, d.Resolved, d.Reopened, d.Stale} {
		sortFindings(l)
	}
	return d
}

// byKey indexes findings by key; when a key repeats, a failure wins over
// an error, a suppression and a pass, so nothing failing hides.
func byKey(fs []model.Finding) map[model.FindingKey]*model.Finding {
	rank := map[model.Status]int{model.StatusFail: 3, model.StatusError: 2, model.StatusSuppressed: 1}
	m := make(map[model.FindingKey]*model.Finding, len(fs))
	for i := range fs {
		f := &fs[i]
		k := f.Key()
		if p, ok := m[k]; ok && rank[p.Status] >= rank[f.Status] {
			continue
		}
		m[k] = f
	}
	return m
}

func refOf(f *model.Finding) FindingRef {
	return FindingRef{RuleID: f.RuleID, Title: f.Title, Severity: f.Severity, Resource: f.Resource,
		Message: f.Message, Fingerprint: f.Fingerprint()}
}

func stale(f *model.Finding, why string) FindingRef {
	r := refOf(f)
	r.Why = why
	return r
}

// sortFindings orders by severity (highest first), rule, then resource.
func sortFindings(l []FindingRef) {
	sort.Slice(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Resource.ID != b.Resource.ID {
			return a.Resource.ID < b.Resource.ID
		}
		return a.Fingerprint < b.Fingerprint
	})
}
