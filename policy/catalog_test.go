package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/vigil-sec/vigil/internal/buildinfo"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policies"
)

var updateCatalog = flag.Bool("update-catalog", false, "rewrite builtin_catalog.json from the embedded rules")

// The generated catalog must describe the embedded rules as they are: a
// stale one is not wrong (the engine derives the catalog then) but costs
// every start-up the parse of every rule. Run `go generate ./policy`.
func TestBuiltinCatalogCurrent(t *testing.T) {
	want, err := generateCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if *updateCatalog {
		if err := os.WriteFile("builtin_catalog.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(want, builtinCatalogJSON) {
		t.Fatal("builtin_catalog.json does not describe the embedded rules: run `go generate ./policy`")
	}
}

func generateCatalog() ([]byte, error) {
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	cat, err := buildCatalog(srcs)
	if err != nil {
		return nil, err
	}
	if cat.Digest, err = buildinfo.Digest(policies.FS); err != nil {
		return nil, err
	}
	// Compact, one module a line: half the decoding time of indented JSON,
	// and still a readable diff.
	var b bytes.Buffer
	d, err := json.Marshal(cat.Digest)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "{\"digest\": %s, \"modules\": [\n", d)
	for i, cm := range cat.Modules {
		m, err := json.Marshal(cm)
		if err != nil {
			return nil, err
		}
		b.Write(m)
		if i < len(cat.Modules)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

// The catalog read from builtin_catalog.json says what the one derived
// from the sources says.
func TestBuiltinCatalogRoundTrip(t *testing.T) {
	digest, err := buildinfo.Digest(policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := loadBuiltinCatalog(digestOf(digest))
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	derived, err := buildCatalog(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Modules) != len(derived.Modules) {
		t.Fatalf("%d modules loaded, %d derived", len(loaded.Modules), len(derived.Modules))
	}
	for i, l := range loaded.Modules {
		d := derived.Modules[i]
		if l.File != d.File || l.Package != d.Package || !reflect.DeepEqual(l.Deps, d.Deps) || l.Inventory != d.Inventory || l.text != d.text {
			t.Errorf("%s: loaded %+v, derived %+v", l.File, l, d)
		}
		if (l.Rule == nil) != (d.Rule == nil) || (l.Rule != nil && !reflect.DeepEqual(*l.Rule, *d.Rule)) {
			t.Errorf("%s: loaded rule %+v, derived %+v", l.File, l.Rule, d.Rule)
		}
	}
	// A stale catalog is derived instead.
	stale, err := loadBuiltinCatalog(digestOf("sha256:stale"))
	if err != nil || len(stale.Modules) != len(derived.Modules) || stale.Digest != "sha256:stale" {
		t.Fatalf("stale catalog: %v", err)
	}
}

// An engine that compiled only one kind's rules (and the modules they
// need) judges a resource of that kind as one that compiled them all.
func TestKindCompiledAloneJudgesAsAll(t *testing.T) {
	ctx := context.Background()
	all, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := all.prepare(ctx, keysOf(all.ofKind)); err != nil {
		t.Fatal(err)
	}
	total := 0
	defer func() {
		if total < len(all.ofKind) {
			t.Errorf("%d findings over %d kinds: the resources judged nothing", total, len(all.ofKind))
		}
	}()
	for _, kind := range keysOf(all.ofKind) {
		ki, ok := model.LookupKind(kind)
		if !ok {
			t.Fatalf("kind %s", kind)
		}
		// A zero resource, and one with its attributes' zero values.
		rs := []*model.Resource{
			{ID: "a", Kind: kind, Provider: "aws", Account: "1", Region: "us-east-1", Source: model.SourceLive, Attributes: ki.New()},
			{ID: "b", Kind: kind, Provider: "aws", Account: "1", Region: "us-east-1", Source: model.SourceTerraform},
		}
		one, err := New(ctx, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := one.Evaluate(ctx, rs, EvalOptions{})
		if err != nil {
			t.Fatalf("%s alone: %v", kind, err)
		}
		if n := len(one.groups); n != 1 {
			t.Errorf("%s: %d kinds compiled, want 1", kind, n)
		}
		want, err := all.Evaluate(ctx, rs, EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		total += len(got)
		sortFindings(got)
		sortFindings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: compiled alone:\n%+v\ncompiled with all:\n%+v", kind, got, want)
		}
		for _, f := range got {
			if f.Status == model.StatusError {
				t.Errorf("%s: %s: %s", kind, f.RuleID, f.Message)
			}
		}
	}
}

func sortFindings(fs []model.Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		return fmt.Sprint(a.RuleID, a.Resource.ID, a.Status, a.Message, a.Evidence) < fmt.Sprint(b.RuleID, b.Resource.ID, b.Status, b.Message, b.Evidence)
	})
}

// A rule that reads its own metadata still can, custom or counted as
// built-in, alone or beside the built-in rules.
func TestRuleReadsItsMetadata(t *testing.T) {
	dir := ruleDir(t, map[string]string{"m.rego": "# METADATA\n# title: Titled by metadata\n# custom:\n#   id: T-META-001\n#   severity: low\n#   kinds: [aws.s3.bucket]\n" +
		"package acme.meta\n\ndeny contains title if {\n\tsome x in rego.metadata.chain()\n\ttitle := x.annotations.title\n}\n"})
	for _, c := range []struct {
		name    string
		builtin bool
		opts    Options
	}{{"custom", false, Options{Dirs: []string{dir}}}, {"as built-in", true, Options{NoBuiltin: true, Dirs: []string{dir}}}} {
		e, err := newFromRules(t, c.opts, c.builtin)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := e.Evaluate(context.Background(), []*model.Resource{bucket("b", "x", true, nil)}, EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range fs {
			if f.RuleID == "T-META-001" {
				found = f.Status == model.StatusFail && f.Message == "Titled by metadata"
			}
		}
		if !found {
			t.Errorf("%s: want a failure titled by the rule's metadata, got %+v", c.name, fs)
		}
	}
}

// digestOf hands loadBuiltinCatalog a digest already known.
func digestOf(d string) <-chan string {
	ch := make(chan string, 1)
	ch <- d
	return ch
}
