package policies_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policies"
	"github.com/vigil-sec/vigil/policy"
)

// Every rule is proven by fixtures in <provider>/<service>/testdata/<ID>/:
// fail*.json / pass*.json hold normalized resources (the live path);
// fail*/ and pass*/ directories hold Terraform, fail*.yaml / pass*.yaml
// Kubernetes manifests, fail*.cfn.yaml CloudFormation (the IaC paths).
// A fail fixture must make the rule fail; a pass fixture must make it pass
// on at least one resource and fail on none.

var (
	engineOnce sync.Once
	engine     *policy.Engine
	engineErr  error
)

func builtinEngine(t *testing.T) *policy.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = policy.New(context.Background(), policy.Options{}) })
	if engineErr != nil {
		t.Fatalf("built-in rules do not load: %v", engineErr)
	}
	return engine
}

type fixture struct {
	rule, path, kind string // kind: json, terraform, kubernetes, cloudformation
	wantFail         bool
}

var fixtureName = regexp.MustCompile(`^(fail|pass)([-_.][^/]*)?$`)

func findFixtures(t *testing.T) map[string][]fixture {
	out := map[string][]fixture{}
	dirs, _ := filepath.Glob("*/*/testdata/*")
	for _, dir := range dirs {
		rule := filepath.Base(dir)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			m := fixtureName.FindStringSubmatch(strings.SplitN(name, ".", 2)[0])
			if m == nil {
				continue
			}
			fx := fixture{rule: rule, path: filepath.Join(dir, name), wantFail: m[1] == "fail"}
			switch {
			case e.IsDir():
				fx.kind = "terraform"
			case strings.HasSuffix(name, ".cfn.yaml"), strings.HasSuffix(name, ".cfn.json"):
				fx.kind = "cloudformation"
			case strings.HasSuffix(name, ".json"):
				fx.kind = "json"
			case strings.HasSuffix(name, ".yaml"), strings.HasSuffix(name, ".yml"):
				fx.kind = "kubernetes"
			default:
				continue
			}
			out[rule] = append(out[rule], fx)
		}
	}
	return out
}

func loadFixture(t *testing.T, fx fixture) []*model.Resource {
	t.Helper()
	if fx.kind == "json" {
		b, err := os.ReadFile(fx.path)
		if err != nil {
			t.Fatal(err)
		}
		var rs []*model.Resource
		if err := json.Unmarshal(b, &rs); err != nil {
			var one model.Resource
			if err2 := json.Unmarshal(b, &one); err2 != nil {
				t.Fatalf("%s: %v", fx.path, err)
			}
			rs = []*model.Resource{&one}
		}
		for _, r := range rs {
			if _, ok := model.LookupKind(r.Kind); !ok {
				t.Fatalf("%s: unknown kind %q", fx.path, r.Kind)
			}
		}
		return rs
	}
	abs, _ := filepath.Abs(fx.path)
	res := iac.Load(context.Background(), abs, []string{abs}, iac.Options{})
	for _, e := range res.Errors {
		t.Errorf("%s: adapter error: %v", fx.path, e)
	}
	return res.Resources
}

func TestFixtures(t *testing.T) {
	e := builtinEngine(t)
	fixtures := findFixtures(t)
	for _, r := range e.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			fxs := fixtures[r.ID]
			have := map[string]bool{}
			for _, fx := range fxs {
				have[fx.kind+"/"+map[bool]string{true: "fail", false: "pass"}[fx.wantFail]] = true
				t.Run(filepath.Base(fx.path), func(t *testing.T) {
					rs := loadFixture(t, fx)
					fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{})
					if err != nil {
						t.Fatal(err)
					}
					fails, passes := 0, 0
					var msgs []string
					for _, f := range fs {
						if f.RuleID != r.ID {
							continue
						}
						switch f.Status {
						case model.StatusFail:
							fails++
							msgs = append(msgs, f.Message+" @ "+f.Resource.ID)
						case model.StatusPass:
							passes++
						case model.StatusError:
							t.Errorf("rule error: %s", f.Message)
						}
					}
					if fx.wantFail && fails == 0 {
						t.Errorf("%s should fail %s but did not (%d resources of kinds %v, %d passes)", fx.path, r.ID, len(rs), kindsOf(rs), passes)
					}
					if !fx.wantFail && (fails > 0 || passes == 0) {
						t.Errorf("%s should pass %s: %d failures %v, %d passes (resources of kinds %v)", fx.path, r.ID, fails, msgs, passes, kindsOf(rs))
					}
				})
			}
			provider := strings.SplitN(r.Kinds[0], ".", 2)[0]
			want := []string{"json/fail", "json/pass"}
			switch provider {
			case "aws":
				want = append(want, "terraform/fail", "terraform/pass")
			case "kubernetes":
				want = append(want, "kubernetes/fail", "kubernetes/pass")
			}
			exempt := exemptions(t, fixtureDir(r.ID, fxs))
			for _, w := range want {
				if !have[w] && exempt[w] == "" {
					t.Errorf("rule %s has no %s fixture", r.ID, w)
				}
			}
		})
	}
}

func kindsOf(rs []*model.Resource) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if !seen[r.Kind] {
			seen[r.Kind] = true
			out = append(out, r.Kind)
		}
	}
	sort.Strings(out)
	return out
}

// TestRuleCatalog holds the catalog to the floor and to complete
// metadata.
func TestRuleCatalog(t *testing.T) {
	e := builtinEngine(t)
	count := map[string]int{}
	for _, r := range e.Rules() {
		count[strings.SplitN(r.Kinds[0], ".", 2)[0]]++
		if r.Description == "" || r.Remediation == "" {
			t.Errorf("%s: description and remediation are required", r.ID)
		}
		if len(r.Compliance) == 0 {
			t.Errorf("%s: no compliance mapping", r.ID)
		}
		for _, k := range r.Kinds {
			if _, ok := model.LookupKind(k); !ok {
				t.Errorf("%s: unknown kind %s", r.ID, k)
			}
		}
	}
	if count["aws"] < 60 || count["kubernetes"] < 25 {
		t.Errorf("want at least 60 AWS and 25 Kubernetes rules, have %v", count)
	}
}

func fixtureDir(id string, fxs []fixture) string {
	if len(fxs) == 0 {
		return ""
	}
	return filepath.Dir(fxs[0].path)
}

// exemptions reads testdata/<ID>/exempt.txt: lines "kind/outcome: reason"
// for fixtures that cannot exist (e.g. a configuration the provider API
// rejects). The reason is mandatory, so each gap is explained.
func exemptions(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	if dir == "" {
		return out
	}
	b, err := os.ReadFile(filepath.Join(dir, "exempt.txt"))
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, reason, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("%s/exempt.txt: %q needs the form kind/outcome: reason", dir, line)
			continue
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(reason)
	}
	return out
}

// TestEveryRuleFileIsEmbedded guards the go:embed patterns: a rule file
// placed where they do not reach would silently not ship.
func TestEveryRuleFileIsEmbedded(t *testing.T) {
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".rego") {
			if _, err := fs.Stat(policies.FS, filepath.ToSlash(p)); err != nil {
				t.Errorf("%s is not embedded; extend the go:embed patterns in embed.go", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
