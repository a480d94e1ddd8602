package policy

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// ruleDir writes Rego files (name -> text) in a custom rule directory.
func ruleDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func header(id string) string {
	return "# METADATA\n# title: t\n# custom:\n#   id: " + id + "\n#   severity: low\n#   kinds: [aws.s3.bucket]\n"
}

// What a rule reads is derived from its Rego: through aliases, imports
// of helper packages, parts of input passed to their functions,
// object.get with a constant key, and tags; message arguments are not
// reads, and a value passed whole to a built-in reads everything.
func TestDerivedReads(t *testing.T) {
	dir := ruleDir(t, map[string]string{
		"lib/helpers.rego": "package acme.lib.helpers\n\nlogging_on if input.attributes.logging.enabled\n\nlocked(attrs) if attrs.object_lock_enabled\n",
		"a.rego": header("T-R-001") + `package acme.a

import data.acme.lib.helpers

deny contains {"msg": sprintf("%s %v", [input.name, input.attributes.object_ownership]), "path": "versioning"} if {
	a := input.attributes
	a.versioning.enabled == false
	pab := a.public_access_block
	pab.block_public_acls != true
	not helpers.logging_on
	object.get(input.attributes, ["encryption", "algorithm"], "") == ""
	not input.tags.Owner
	not helpers.locked(input.attributes)
}
`,
		"b.rego": header("T-R-002") + `package acme.b

deny contains "whole" if {
	count(object.keys(input.attributes)) == 0
}
`,
		"c.rego": header("T-R-003") + `#   reads: [grants]
package acme.c

deny contains "declared" if input.id == ""
`,
	})
	e, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"T-R-001": {"encryption.algorithm", "logging.enabled", "object_lock_enabled", "public_access_block.block_public_acls", model.TagsPath, "versioning.enabled"},
		"T-R-002": {""},
		"T-R-003": {"grants"},
	}
	for id, w := range want {
		r, _ := e.Rule(id)
		if !slices.Equal(r.Reads, w) {
			t.Errorf("%s reads %q, want %q", id, r.Reads, w)
		}
	}
}

// A pass vouches for everything the rule reads; a failure stands unless it
// was decided at an unknown path or the rule reads a value that is unknown
// as a whole (an unread setting), while an unknown deep inside what the
// rule reads does not void a failure found elsewhere.
func TestVerdictsOnUnknownReads(t *testing.T) {
	dir := ruleDir(t, map[string]string{
		"pab.rego": header("T-U-001") + `package acme.pab

# Fails on versioning, but only when the public access block is off.
deny contains {"msg": "versioning off and no block", "path": "versioning.enabled"} if {
	input.attributes.versioning.enabled == false
	input.attributes.public_access_block == null
}
`,
		"grants.rego": header("T-U-002") + `package acme.grants

deny contains {"msg": "public grant", "path": sprintf("grants[%d]", [i])} if {
	some i, g in input.attributes.grants
	g.grantee_uri == "http://acs.amazonaws.com/groups/global/AllUsers"
}
`,
	})
	e, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	allUsers := model.S3Grant{GranteeType: "Group", GranteeURI: "http://acs.amazonaws.com/groups/global/AllUsers", Permission: "READ"}
	owner := model.S3Grant{GranteeType: "CanonicalUser", GranteeID: "o", Permission: "FULL_CONTROL"}
	mk := func(id string, grants []model.S3Grant, unknown ...string) *model.Resource {
		r := bucket(id, id, false, nil)
		r.Attributes.(*model.S3Bucket).Grants = grants
		r.Unknown = unknown
		return r
	}
	rs := []*model.Resource{
		mk("known", []model.S3Grant{owner, allUsers}),
		// The block could not be read: it is null in the attributes, as
		// if there were none.
		mk("unread-block", []model.S3Grant{owner}, "public_access_block"),
		// One grant's grantee is not known; the other grant is public.
		mk("deep-unknown", []model.S3Grant{{Permission: "READ"}, allUsers}, "grants[0].grantee_uri"),
		mk("deep-unknown-private", []model.S3Grant{{Permission: "READ"}, owner}, "grants[0].grantee_uri"),
	}
	fs, err := e.Evaluate(context.Background(), rs, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Status{}
	for _, f := range fs {
		got[f.RuleID+"/"+f.Resource.ID] = f.Status
	}
	want := map[string]model.Status{
		"T-U-001/known":        model.StatusFail,
		"T-U-002/known":        model.StatusFail,
		"T-U-002/unread-block": model.StatusPass,
		"T-U-002/deep-unknown": model.StatusFail,
		// no verdict: T-U-001 on unread-block (it reads the unread block),
		// T-U-001 on the deep-unknown buckets is decided (their block is
		// known), T-U-002 cannot pass deep-unknown-private.
		"T-U-001/deep-unknown":         model.StatusFail,
		"T-U-001/deep-unknown-private": model.StatusFail,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %q, want %q", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: verdict %q where none may be given", k, got[k])
		}
	}
}
