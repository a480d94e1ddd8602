package aws

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// Every read call of every service, denied alone, leaves what it would
// have filled unknown: no rule reading that gives a verdict, no verdict
// changes (a public bucket never turns to pass, a well-configured one
// never fails), every attribute that differs from the full read is marked
// unknown, and the collection error names the resource. The world holds a
// misconfigured and a well-configured resource for what each call fills,
// so the baseline has a failing and a passing verdict to lose.
func TestEveryDeniedReadLeavesNoVerdict(t *testing.T) {
	engine, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Some calls are fallbacks, made only when a first source is missing:
	// without the credential report, IAM reads each user's password, MFA
	// and keys' last use one by one.
	fallbacks := map[string][]Match{
		"iam": {{Service: "iam", Operation: "GenerateCredentialReport"}},
	}
	w := fragmentWorld(t)
	for _, svc := range awscollect.Services() {
		denyEach(t, engine, w, svc, nil)
		if f := fallbacks[svc]; f != nil {
			denyEach(t, engine, w, svc, f)
		}
	}
}

// denyEach collects one service with the faults given, then again with
// each operation it called denied as well, and checks each denial.
func denyEach(t *testing.T, engine *policy.Engine, w *World, svc string, faults []Match) {
	name := svc
	if len(faults) > 0 {
		name += "/without-" + faults[0].Operation
	}
	t.Run(name, func(t *testing.T) {
		w0 := *w
		w0.Faults = Faults{Deny: faults}
		w := &w0
		// A service the member account has resources of is collected in
		// both accounts: its account-wide settings are one resource each.
		run, orgWide := collect, memberHas(w, svc)
		if orgWide {
			run = collectOrg
		}
		svcs := append([]string{svc}, companions[svc]...)
		base, srv := run(t, w, svcs...)
		for _, e := range base.Errors {
			if len(faults) == 0 || e.Code != "AccessDenied" {
				t.Fatalf("baseline collection error: %s", e)
			}
		}
		baseRes := byID(base.Resources)
		baseVerdicts := verdicts(t, engine, base.Resources)
		var ops []string
		for op := range srv.Stats().Operations {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		for _, op := range ops {
			service, operation, _ := strings.Cut(op, ":")
			if len(svcs) > 1 && service != svc {
				continue // a companion's calls are checked in its own run
			}
			if orgWide && service == "organizations" {
				// Listing the organization is how the scan finds its
				// accounts, not a read of this service.
				continue
			}
			if service == "sts" {
				// Who the credentials are is not a read of any
				// resource: without it there is no scan at all, and
				// Collect says so.
				continue
			}
			t.Run(operation, func(t *testing.T) {
				denied := *w
				denied.Faults = Faults{Deny: append([]Match{{Service: service, Operation: operation}}, faults...)}
				res, dsrv := run(t, &denied, svcs...)
				if dsrv.Stats().Denied <= srv.Stats().Denied {
					t.Fatalf("the deny fault did not apply to %s", op)
				}
				if len(res.Errors) <= len(base.Errors) {
					t.Fatalf("%s denied, but no collection error", op)
				}
				checkDenied(t, engine, op, baseRes, baseVerdicts, res)
			})
		}
	})
}

// companions are services collected with one because its rules judge
// against what they read: a Route 53 record is dangling only when S3 was
// read in its account and owns no bucket of its name.
var companions = map[string][]string{"route53": {"s3"}}

// memberHas says whether the world's second account has resources of svc.
func memberHas(w *World, svc string) bool {
	if len(w.Accounts) < 2 {
		return false
	}
	for _, svcs := range w.Accounts[1].Resources {
		if _, ok := svcs[svc]; ok {
			return true
		}
	}
	return false
}

func checkDenied(t *testing.T, engine *policy.Engine, op string, baseRes map[string]*model.Resource, baseVerdicts map[string]model.Status, res *awscollect.Result) {
	t.Helper()
	// An error names the resource, or the kind of every resource of a
	// unit, whose settings it left unknown.
	named := map[string]bool{}
	for _, e := range res.Errors {
		named[e.Resource] = true
		for _, k := range e.Kinds {
			named[e.Account+"/"+e.Region+"/"+k] = true
		}
	}
	// Every value that differs from the full read is unknown.
	for _, r := range res.Resources {
		b := baseRes[r.ID]
		if b == nil {
			t.Errorf("%s: resource not in the full read", r.ID)
			continue
		}
		changed := false
		for _, p := range diffPaths(t, b, r) {
			changed = true
			if !r.WhollyUnknown(p) {
				t.Errorf("%s (%s): %s differs from the full read but is not unknown (unknown: %v)", r.ID, r.Kind, p, r.Unknown)
			}
		}
		if changed && len(r.Unknown) > len(b.Unknown) && r.Kind != "aws.region" && r.Kind != "aws.account" &&
			!named[r.ID] && !named[r.Account+"/"+r.Region+"/"+r.Kind] {
			t.Errorf("%s: settings left unknown, but no collection error names the resource", r.ID)
		}
	}
	// No verdict changes, and none is given on what was not read.
	got := verdicts(t, engine, res.Resources, policy.UnreadOf(res.Units)...)
	for k, st := range got {
		if want, ok := baseVerdicts[k]; !ok || want != st {
			t.Errorf("%s: verdict %q with %s denied, %q with it read", k, st, op, want)
		}
	}
	byRes := byID(res.Resources)
	lost := map[model.Status]int{}
	for _, rule := range engine.Rules() {
		for _, r := range res.Resources {
			if !appliesTo(rule, r.Kind) {
				continue
			}
			newly := newlyUnknown(baseRes[r.ID], byRes[r.ID])
			if !readsAny(rule.Reads, newly) {
				continue
			}
			k := rule.ID + " " + r.ID
			if st, ok := got[k]; ok && (st == model.StatusPass || readsWhole(rule.Reads, newly)) {
				t.Errorf("%s gives %q on %s although it reads %v, unread with %s denied", rule.ID, st, r.ID, newly, op)
			}
			lost[baseVerdicts[k]]++
		}
	}
	// A resource the denial left out (a listing denied; an account-wide
	// resource no fact of which was read) loses every verdict it had.
	for id, b := range baseRes {
		if byRes[id] != nil {
			continue
		}
		known := knownAttributes(t, b)
		for _, rule := range engine.Rules() {
			if st, ok := baseVerdicts[rule.ID+" "+id]; ok && appliesTo(rule, b.Kind) && readsAny(rule.Reads, known) {
				lost[st]++
			}
		}
	}
	// Verdicts that needed the call: the world must have had both kinds.
	if len(lost) > 0 && (lost[model.StatusFail] == 0 || lost[model.StatusPass] == 0) {
		t.Errorf("%s: the world has no %s resource for the rules reading what it fills (verdicts lost: %v); add one", op, missingSide(lost), lost)
	}
	t.Logf("%s: %d errors, verdicts lost %v", op, len(res.Errors), lost)
}

func missingSide(lost map[model.Status]int) string {
	if lost[model.StatusFail] == 0 {
		return "misconfigured"
	}
	return "well-configured"
}

// verdicts evaluates every built-in rule: "RULE resource-id" -> status.
// unread are the listings that failed, as a scan passes them: rules that
// read those kinds of the inventory give no verdict in their account.
func verdicts(t *testing.T, e *policy.Engine, rs []*model.Resource, unread ...policy.Unread) map[string]model.Status {
	t.Helper()
	fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{Unread: unread})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Status{}
	for _, f := range fs {
		k := f.RuleID + " " + f.Resource.ID
		if prev, ok := out[k]; ok && prev == model.StatusFail {
			continue // several failures of one rule on one resource
		}
		out[k] = f.Status
	}
	return out
}

func byID(rs []*model.Resource) map[string]*model.Resource {
	out := map[string]*model.Resource{}
	for _, r := range rs {
		out[r.ID] = r
	}
	return out
}

func appliesTo(r *policy.Rule, kind string) bool {
	for _, k := range r.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// newlyUnknown lists the paths unknown in got but not in the full read.
func newlyUnknown(base, got *model.Resource) []string {
	if got == nil {
		return nil
	}
	was := map[string]bool{}
	if base != nil {
		for _, u := range base.Unknown {
			was[u] = true
		}
	}
	var out []string
	for _, u := range got.Unknown {
		if !was[u] {
			out = append(out, u)
		}
	}
	return out
}

// knownAttributes lists the top-level attributes of r that were read.
func knownAttributes(t *testing.T, r *model.Resource) []string {
	t.Helper()
	raw, err := json.Marshal(r.Attributes)
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]any
	if err := json.Unmarshal(raw, &attrs); err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range attrs {
		if !r.WhollyUnknown(k) {
			out = append(out, k)
		}
	}
	return out
}

// readsAny reports whether a read overlaps an unknown path.
func readsAny(reads, unknown []string) bool {
	for _, r := range reads {
		for _, u := range unknown {
			if model.PathWithin(r, u) || model.PathWithin(u, r) {
				return true
			}
		}
	}
	return false
}

// readsWhole reports whether a read lies at or below an unknown path.
func readsWhole(reads, unknown []string) bool {
	for _, r := range reads {
		for _, u := range unknown {
			if model.PathWithin(r, u) {
				return true
			}
		}
	}
	return false
}

// diffPaths lists the leaf paths (attributes, and model.TagsPath for the
// tags) whose values differ between two reads of one resource.
func diffPaths(t *testing.T, a, b *model.Resource) []string {
	t.Helper()
	flat := func(r *model.Resource) map[string]string {
		raw, err := json.Marshal(r.Attributes)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		flatten("", v, out)
		tags, _ := json.Marshal(r.Tags)
		if len(r.Tags) == 0 {
			tags = []byte("{}")
		}
		out[model.TagsPath] = string(tags)
		return out
	}
	fa, fb := flat(a), flat(b)
	var out []string
	for p, v := range fa {
		if fb[p] != v {
			out = append(out, p)
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func flatten(prefix string, v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			out[prefix] = "{}"
		}
		for k, e := range x {
			flatten(model.Path(prefix, k), e, out)
		}
	case []any:
		if len(x) == 0 {
			out[prefix] = "[]"
		}
		for i, e := range x {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), e, out)
		}
	default:
		b, _ := json.Marshal(x)
		out[prefix] = string(b)
	}
}
