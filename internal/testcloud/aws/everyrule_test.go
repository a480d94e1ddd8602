package aws

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// Every AWS kind the collector produces is judged or read by some rule,
// and every attribute an AWS rule reads is filled by some source: the
// live collector (a full collection of the fragment world) or an IaC
// adapter (the Terraform and CloudFormation fixtures of the rules). An
// attribute no source fills is a rule that can never fire; a kind no
// rule sees is collection nobody uses.
func TestEveryKindJudgedEveryReadFilled(t *testing.T) {
	res, _ := collect(t, fragmentWorld(t))
	resources := append([]*model.Resource{}, res.Resources...)
	resources = append(resources, iacFixtureResources(t)...)
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	reads := map[string]map[string][]string{} // kind -> path -> rule ids
	// A rule of several kinds reads the union of their attributes: a
	// path is charged to the kinds whose schema has it, and a path no
	// kind of the rule has is a misspelling.
	addRead := func(kind, path, id string) {
		if path == "" || !inSchema(kind, path) {
			return
		}
		if reads[kind] == nil {
			reads[kind] = map[string][]string{}
		}
		reads[kind][path] = append(reads[kind][path], id)
	}
	for _, r := range e.Rules() {
		for _, k := range r.Kinds {
			seen[k] = true
			for _, p := range r.Reads {
				addRead(k, p, r.ID)
			}
		}
		for _, p := range r.Reads {
			known := false
			for _, k := range r.Kinds {
				known = known || inSchema(k, p)
			}
			if !known && p != "" && len(r.Kinds) > 0 && strings.HasPrefix(r.Kinds[0], "aws.") {
				t.Errorf("%s reads %s, which no kind of the rule has", r.ID, p)
			}
		}
		for k, ps := range r.RelatedReads {
			seen[k] = true
			for _, p := range ps {
				addRead(k, p, r.ID)
			}
		}
	}
	collected := map[string]bool{}
	for _, o := range res.Units {
		for _, k := range o.Kinds {
			collected[k] = true
		}
	}
	var unjudged []string
	for k := range collected {
		if _, ok := unjudgedKinds[k]; !ok && !seen[k] {
			unjudged = append(unjudged, k)
		}
	}
	sort.Strings(unjudged)
	if len(unjudged) > 0 {
		t.Errorf("collected kinds no rule judges or reads: %v", unjudged)
	}

	filled := map[string]map[string]bool{} // kind -> path -> some source gave it a value
	for _, r := range resources {
		if reads[r.Kind] == nil {
			continue
		}
		doc := attributesDoc(t, r)
		for p := range reads[r.Kind] {
			if nonZeroAt(doc, p, pointerField(r.Kind, p)) {
				if filled[r.Kind] == nil {
					filled[r.Kind] = map[string]bool{}
				}
				filled[r.Kind][p] = true
			}
		}
	}
	var unfilled []string
	for k, ps := range reads {
		if !strings.HasPrefix(k, "aws.") {
			continue
		}
		for p, ids := range ps {
			if !filled[k][p] {
				unfilled = append(unfilled, k+" "+p+" (read by "+strings.Join(ids, ", ")+")")
			}
		}
	}
	sort.Strings(unfilled)
	for _, u := range unfilled {
		t.Errorf("no source fills %s", u)
	}
}

// unjudgedKinds are collected kinds no rule sees yet, each with why it is
// collected all the same. Remove an entry when a rule reads the kind.
var unjudgedKinds = map[string]string{
	"aws.ec2.internet_gateway": "a hop of network reachability for the attack-path graph (issue 12); routes name the gateway by id",
	"aws.ec2.nat_gateway":      "a hop of network reachability for the attack-path graph (issue 12)",
	"aws.ec2.vpc_endpoint":     "CIS 7.0 6.8 is manual and needs Terraform/CloudFormation endpoint mapping first; the graph uses it (issue 12)",
	"aws.iam.oidc_provider":    "a trust anchor of the identity graph (issue 12)",
	"aws.iam.saml_provider":    "a trust anchor of the identity graph (issue 12)",
}

// pointerField reports whether the attribute at path is a pointer (a
// nullable value whose zero is meaningful: 0 days, false).
func pointerField(kind, path string) bool {
	ki, ok := model.LookupKind(kind)
	if !ok {
		return false
	}
	for _, f := range ki.Schema() {
		if strings.ReplaceAll(f.Path, "[]", "") == stripIndexes(path) {
			return strings.HasSuffix(f.Type, "(null when unset)")
		}
	}
	return false
}

func stripIndexes(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			for i < len(path) && path[i] != ']' {
				i++
			}
			continue
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

// inSchema reports whether path (indexes ignored) is an attribute of
// kind or lies below one.
func inSchema(kind, path string) bool {
	ki, ok := model.LookupKind(kind)
	if !ok {
		return false
	}
	p := stripIndexes(path)
	for _, f := range ki.Schema() {
		fp := strings.ReplaceAll(f.Path, "[]", "")
		if fp == p || strings.HasPrefix(p, fp+".") {
			return true
		}
	}
	return false
}

// iacFixtureResources loads every Terraform directory and CloudFormation
// template among the AWS rules' fixtures.
func iacFixtureResources(t *testing.T) []*model.Resource {
	t.Helper()
	root, err := filepath.Abs("../../../policies/aws")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "testdata", "*", "*"))
	for _, p := range dirs {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		base := filepath.Base(p)
		if (st.IsDir() && (strings.HasPrefix(base, "fail") || strings.HasPrefix(base, "pass"))) || strings.HasSuffix(base, ".cfn.yaml") {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		t.Fatal("no IaC fixtures found under " + root)
	}
	var out []*model.Resource
	for _, p := range paths {
		out = append(out, iac.Load(context.Background(), p, []string{p}, iac.Options{}).Resources...)
	}
	return out
}

func attributesDoc(t *testing.T, r *model.Resource) any {
	t.Helper()
	b, err := json.Marshal(r.Attributes)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// nonZeroAt reports whether doc holds a value other than null, false, 0,
// "", [] or {} at path (model path syntax; an index or a list on the way
// matches any element); with nullable, any value but null counts.
func nonZeroAt(doc any, path string, nullable bool) bool {
	fields := strings.Split(path, ".")
	var walk func(v any, i int) bool
	walk = func(v any, i int) bool {
		if l, ok := v.([]any); ok {
			for _, e := range l {
				if walk(e, i) {
					return true
				}
			}
			return false
		}
		if i == len(fields) {
			if nullable {
				return v != nil
			}
			return !zero(v)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		name := fields[i]
		if j := strings.IndexByte(name, '['); j >= 0 {
			name = name[:j]
		}
		return walk(m[name], i+1)
	}
	return walk(doc, 0)
}

func zero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case float64:
		return x == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}
