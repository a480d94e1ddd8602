package policy

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func trail(id, account, key string) *model.Resource {
	return &model.Resource{ID: id, Kind: "aws.cloudtrail.trail", Provider: "aws", Account: account, Source: model.SourceLive,
		Attributes: &model.CloudTrailTrail{Name: id, KMSKeyID: key}}
}

func kmsKey(id, account string, rotates bool) *model.Resource {
	return &model.Resource{ID: id, Kind: "aws.kms.key", Provider: "aws", Account: account, Source: model.SourceLive,
		Attributes: &model.KMSKey{Enabled: true, RotationEnabled: rotates}}
}

func statusOf(fs []model.Finding, rule, id string) (model.Status, bool) {
	for _, f := range fs {
		if f.RuleID == rule && f.Resource.ID == id {
			return f.Status, true
		}
	}
	return "", false
}

// A rule reads related resources through data.inventory; what it reads of
// them is derived like its own reads; an unknown or unread related
// resource leaves no verdict.
func TestInventoryJoins(t *testing.T) {
	for _, custom := range []bool{true, false} {
		opts := Options{NoBuiltin: true, Dirs: []string{"testdata/inventory"}}
		// Custom rules run one guarded query per rule; built-in ones one
		// aggregated query per kind.
		e, err := newFromRules(t, opts, !custom)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := e.Rule("TEST-INV-001")
		if got := r.RelatedReads["aws.kms.key"]; !slices.Equal(got, []string{"rotation_enabled"}) {
			t.Fatalf("related reads: %v", r.RelatedReads)
		}
		unknownKey := kmsKey("k-unknown", "2", false)
		unknownKey.MarkUnknown("rotation_enabled")
		rs := []*model.Resource{
			trail("t-good", "1", "k-good"), kmsKey("k-good", "1", true),
			trail("t-bad", "1", "k-bad"), kmsKey("k-bad", "1", false),
			trail("t-missing", "1", "k-elsewhere"),
			trail("t-none", "1", ""),
			// Account 2: one key's rotation could not be read, so no trail
			// of account 2 may pass on its keys.
			trail("t-good2", "2", "k-good2"), kmsKey("k-good2", "2", true),
			trail("t-unknown", "2", "k-unknown"), unknownKey,
			// Account 3: keys could not be listed at all.
			trail("t-bad3", "3", "k-bad3"), kmsKey("k-bad3", "3", false),
		}
		for _, bs := range []int{1, 256} {
			fs, err := e.Evaluate(context.Background(), rs, EvalOptions{BatchSize: bs,
				Unread: []Unread{{Kind: "aws.kms.key", Account: "3", Region: "eu-west-1"}}})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]model.Status{"t-good": model.StatusPass, "t-bad": model.StatusFail, "t-none": model.StatusPass}
			for _, id := range []string{"t-good", "t-bad", "t-missing", "t-none", "t-good2", "t-unknown", "t-bad3"} {
				got, ok := statusOf(fs, "TEST-INV-001", id)
				w, wok := want[id]
				if ok != wok || got != w {
					t.Errorf("custom=%v batch=%d %s: got %q (verdict %v), want %q (verdict %v)", custom, bs, id, got, ok, w, wok)
				}
			}
		}
	}
}

// newFromRules builds an engine whose test rules count as built-in, so
// the aggregated per-kind query runs.
func newFromRules(t *testing.T, opts Options, builtin bool) (*Engine, error) {
	t.Helper()
	srcs, err := loadSources(opts)
	if err != nil {
		return nil, err
	}
	for i := range srcs {
		srcs[i].builtin = builtin
	}
	return newFromSources(context.Background(), opts, srcs)
}

// data.inventory belongs to the engine: a module may not define it.
func TestInventoryPackageIsReserved(t *testing.T) {
	dir := ruleDir(t, map[string]string{"x.rego": header("T-INV-9") + "package inventory.kinds\n\ndeny contains \"x\" if false\n"})
	if _, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}}); err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Fatalf("want a reserved-package error, got %v", err)
	}
}

// What a rule reads of other kinds is derived through the same paths as
// its own reads: aliases, `some x in`, rules naming a resource, function
// arguments, the per-account index; `.id` and a bare name only check that
// a resource exists.
func TestDerivedRelatedReads(t *testing.T) {
	dir := ruleDir(t, map[string]string{"a.rego": strings.Replace(header("T-INV-2"), "aws.s3.bucket", "aws.cloudtrail.trail", 1) + `package acme.inv

key := data.inventory.kinds["aws.kms.key"][input.attributes.kms_key_id]

rotates(k) if k.attributes.rotation_enabled

deny contains "a" if {
	not rotates(key)
	some g in data.inventory.accounts[input.account].kinds["aws.logs.log_group"]
	g.attributes.retention_in_days < 365
	data.inventory.kinds["aws.s3.bucket"][input.attributes.s3_bucket_name].id
	some e in data.inventory.inbound[input.id]
	data.inventory.resources[e.from].tags.team
}
`})
	e, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := e.Rule("T-INV-2")
	want := map[string][]string{
		"aws.kms.key":        {"rotation_enabled"},
		"aws.logs.log_group": {"retention_in_days"},
		"aws.s3.bucket":      nil,
		AnyKind:              {model.TagsPath},
	}
	if len(r.RelatedReads) != len(want) {
		t.Errorf("related reads: %v", r.RelatedReads)
	}
	for k, ps := range want {
		got, ok := r.RelatedReads[k]
		if !ok || !slices.Equal(got, ps) {
			t.Errorf("%s: got %v (%v), want %v", k, got, ok, ps)
		}
	}
	if !slices.Equal(r.Reads, []string{"kms_key_id", "s3_bucket_name"}) {
		t.Errorf("own reads: %v", r.Reads)
	}
}
