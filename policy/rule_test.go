package policy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestUnknownKindRefused(t *testing.T) {
	dir := t.TempDir()
	addRule(t, dir, "ACME-S3-200", `deny contains "x" if input.attributes.name == ""`)
	// A rule for a kind no source produces would never run: an error.
	for _, c := range []struct{ kind, want string }{
		{"aws.s3.bukcet", `kind "aws.s3.bukcet" does not exist (did you mean aws.s3.bucket?`},
		{"azure.storage.account", `kind "azure.storage.account" does not exist (run`},
	} {
		writeKinds(t, dir, "ACME-S3-200", c.kind)
		_, err := New(context.Background(), Options{NoBuiltin: true, Dirs: []string{dir}})
		if err == nil || !strings.Contains(err.Error(), "acme-s3-200.rego:1: rule ACME-S3-200: "+c.want) {
			t.Errorf("kinds: [%s]: want %q with the file and line, got %v", c.kind, c.want, err)
		}
	}
}

// writeKinds rewrites the kinds line of a rule written by addRule.
func writeKinds(t *testing.T, dir, id, kind string) {
	t.Helper()
	p := dir + "/aws/s3/" + strings.ToLower(id) + ".rego"
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#   kinds:") {
			lines[i] = "#   kinds: [" + kind + "]"
		}
	}
	writeFileT(t, p, strings.Join(lines, "\n"))
}

func writeFileT(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCustomModulesStayOutOfBuiltinPackages(t *testing.T) {
	dir := t.TempDir()
	writeFileT(t, dir+"/lib/iam.rego", "package vigil.lib.iam\n\nis_admin(_) := true\n")
	_, err := New(context.Background(), Options{Dirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "iam.rego:1: package vigil.lib.iam overlaps the built-in package vigil.lib.iam") {
		t.Fatalf("a helper extending a built-in package should be refused, got %v", err)
	}
	// Replacing a built-in rule by id, in its own package, is allowed.
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := e.Rule("AWS-S3-001")
	dir = t.TempDir()
	text := strings.Replace(r.Source, "deny contains", "deny_was contains", -1) + "\ndeny contains \"replaced\" if input.attributes.name == \"\"\n"
	writeFileT(t, dir+"/aws/s3/s3_001.rego", text)
	e, err = New(context.Background(), Options{Dirs: []string{dir}})
	if err != nil {
		t.Fatalf("replacing a built-in rule in its package: %v", err)
	}
	if r, _ := e.Rule("AWS-S3-001"); r.Builtin {
		t.Fatal("the custom rule should have replaced the built-in one")
	}
	// And it is the one that judges: the built-in module is not compiled
	// beside it.
	fs, err := e.Evaluate(context.Background(), []*model.Resource{bucket("b", "", false, nil)}, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range fs {
		if f.RuleID == "AWS-S3-001" {
			n++
			if f.Status != model.StatusFail || f.Message != "replaced" {
				t.Errorf("want only the replacing rule's failure, got %s %q", f.Status, f.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("want one finding of AWS-S3-001, got %d", n)
	}
}
