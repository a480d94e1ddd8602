package policy

import (
	"context"
	"slices"
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
