package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// The custom rules of examples/my-rules (the README's --policy example)
// load, and each is proven by failing and passing fixtures in the
// built-in layout, through the normalized (live) path and Terraform.
func TestMyRulesFixtures(t *testing.T) {
	chdirRepo(t)
	const dir = "examples/my-rules"
	e, err := policy.New(context.Background(), policy.Options{Dirs: []string{dir}, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Rules()) == 0 {
		t.Fatal("no rule in " + dir)
	}
	// The README's "Writing a rule" shows this very file.
	readme, _ := os.ReadFile("README.md")
	if rule, _ := os.ReadFile(filepath.Join(dir, "aws", "s3", "team_tag.rego")); !strings.Contains(string(readme), "```rego\n"+string(rule)+"```") {
		t.Error("the README's rule example differs from examples/my-rules/aws/s3/team_tag.rego")
	}
	for _, r := range e.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			fixtures, _ := filepath.Glob(filepath.Join(dir, "*", "*", "testdata", r.ID, "*"))
			have := map[string]bool{}
			for _, fx := range fixtures {
				name := filepath.Base(fx)
				wantFail := strings.HasPrefix(name, "fail")
				var rs []*model.Resource
				kind := "terraform"
				if strings.HasSuffix(name, ".json") {
					kind = "json"
					b, err := os.ReadFile(fx)
					if err != nil {
						t.Fatal(err)
					}
					if err := json.Unmarshal(b, &rs); err != nil {
						t.Fatalf("%s: %v", fx, err)
					}
				} else {
					abs, _ := filepath.Abs(fx)
					res := iac.Load(context.Background(), abs, []string{abs}, iac.Options{})
					if len(res.Errors) > 0 {
						t.Fatalf("%s: %v", fx, res.Errors)
					}
					rs = res.Resources
				}
				have[kind+"/"+map[bool]string{true: "fail", false: "pass"}[wantFail]] = true
				fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{})
				if err != nil {
					t.Fatal(err)
				}
				fails, passes := 0, 0
				for _, f := range fs {
					switch {
					case f.RuleID != r.ID:
					case f.Status == model.StatusFail:
						fails++
					case f.Status == model.StatusPass:
						passes++
					}
				}
				if wantFail && fails == 0 || !wantFail && (fails > 0 || passes == 0) {
					t.Errorf("%s: %d fail, %d pass", fx, fails, passes)
				}
			}
			for _, w := range []string{"json/fail", "json/pass", "terraform/fail", "terraform/pass"} {
				if !have[w] {
					t.Errorf("%s has no %s fixture", r.ID, w)
				}
			}
		})
	}
}

// The README's test-cloud example is true: the world it serves has the
// access key it uses (the management account's, which lists the
// organization), the address is the one `testcloud serve` listens on,
// the --policy directory exists, and the scan it shows runs and finds
// what the custom rule looks for.
func TestREADMETestCloudExample(t *testing.T) {
	chdirRepo(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	serve := regexp.MustCompile(`(?m)^vigil testcloud serve --world (\S+)`).FindSubmatch(readme)
	env := regexp.MustCompile(`(?m)^AWS_ENDPOINT_URL=http://(\S+) AWS_ACCESS_KEY_ID=(\S+) AWS_SECRET_ACCESS_KEY=\S+ \\\n\s+vigil (scan aws .*)$`).FindSubmatch(readme)
	if serve == nil || env == nil {
		t.Fatal("the README's test-cloud example is not where this test looks: update both")
	}
	world, addr, key, args := string(serve[1]), string(env[1]), string(env[2]), strings.Fields(string(env[3]))
	w, err := aws.LoadWorld(world)
	if err != nil {
		t.Fatal(err)
	}
	if w.Accounts[0].AccessKey != key {
		t.Errorf("the README uses key %s; the management account of %s has %s", key, world, w.Accounts[0].AccessKey)
	}
	if def := newTestCloudServeCmd().Flags().Lookup("addr").DefValue; def != addr {
		t.Errorf("the README points at %s; testcloud serve listens on %s", addr, def)
	}
	for i, a := range args {
		if a == "--policy" {
			if _, err := os.Stat(args[i+1]); err != nil {
				t.Errorf("the README's --policy %s: %v", args[i+1], err)
			}
		}
	}

	srv := httptest.NewServer(aws.NewServer(w))
	defer srv.Close()
	t.Setenv("AWS_ENDPOINT_URL", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", key)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "x")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	t.Setenv("AWS_PROFILE", "")
	out, errs, code := run(t, append(args, "-q", "--format", "json")...)
	if code != 0 {
		t.Fatalf("the README's scan: exit %d: %s", code, errs)
	}
	var r struct {
		Scan struct {
			Targets []string `json:"targets"`
		} `json:"scan"`
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Status   string `json:"status"`
			Resource struct {
				Name string `json:"name"`
			} `json:"resource"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	var custom []string
	for _, f := range r.Findings {
		if f.RuleID == "ACME-S3-001" && f.Status == "fail" {
			custom = append(custom, f.Resource.Name)
		}
	}
	if len(r.Scan.Targets) != len(w.Accounts) || strings.Join(custom, " ") != "acme-prod-backups" {
		t.Errorf("targets %v; ACME-S3-001 fails on %v, want [acme-prod-backups]", r.Scan.Targets, custom)
	}
}
