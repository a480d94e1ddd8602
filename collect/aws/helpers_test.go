package aws

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aws/smithy-go/middleware"

	"github.com/vigil-sec/vigil/iac"
	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
	"github.com/vigil-sec/vigil/policy"
)

// collectMoto runs the real collector against moto for the given services
// in us-east-1 (and any extra regions).
func collectMoto(t *testing.T, srv *moto.Server, services []string, regions ...string) *Result {
	t.Helper()
	if len(regions) == 0 {
		regions = []string{"us-east-1"}
	}
	srv = withEC2Fakes(t, srv, services)
	res, err := Collect(context.Background(), Options{
		Regions:     regions,
		Services:    services,
		LoadOptions: srv.LoadOptions(regions[0]),
		APIOptions:  []func(*middleware.Stack) error{recorded.APIOption},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// byKind returns the collected resources of one kind by name.
func byKind(res *Result, kind string) map[string]*model.Resource {
	out := map[string]*model.Resource{}
	for _, r := range res.Resources {
		if r.Kind == kind {
			out[r.Name] = r
		}
	}
	return out
}

// failing evaluates the built-in rules and returns, per resource name, the
// ids of the rules that fail on it.
func failing(t *testing.T, rs []*model.Resource) map[string]map[string]bool {
	t.Helper()
	return failedBy(t, rs, func(r model.ResourceRef) string { return r.Name })
}

// failingByResource is failing() keyed by resource id rather than name, so
// same-named resources (the "default" groups) cannot mix.
func failingByResource(t *testing.T, rs []*model.Resource) map[string]map[string]bool {
	t.Helper()
	return failedBy(t, rs, func(r model.ResourceRef) string { return r.ID })
}

var (
	engineOnce sync.Once
	engine     *policy.Engine
	engineErr  error
)

// failedBy evaluates the built-in rules (compiled once per test binary)
// and returns the ids of the failing rules per key of the resource.
func failedBy(t *testing.T, rs []*model.Resource, key func(model.ResourceRef) string) map[string]map[string]bool {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = policy.New(context.Background(), policy.Options{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	fs, err := engine.Evaluate(context.Background(), rs, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, f := range fs {
		if f.Status == model.StatusFail {
			k := key(f.Resource)
			if out[k] == nil {
				out[k] = map[string]bool{}
			}
			out[k][f.RuleID] = true
		}
	}
	return out
}

// loadTerraform maps a Terraform root module (one main.tf) through the
// real IaC loader, the other side of the live/Terraform agreement tests.
func loadTerraform(t testing.TB, src string) []*model.Resource {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := iac.Load(context.Background(), dir, []string{dir}, iac.Options{})
	for _, err := range res.Errors {
		t.Fatalf("terraform: %v", err)
	}
	return res.Resources
}

// checkSeed fails the test on a seeding error.
func checkSeed(t testing.TB, _ any, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// seeded returns checkSeed for t, to wrap SDK calls: must(c.CreateX(...)).
func seeded(t testing.TB) func(any, error) {
	return func(v any, err error) {
		t.Helper()
		checkSeed(t, v, err)
	}
}

func noErrors(t *testing.T, res *Result) {
	t.Helper()
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
}

// restFake answers chosen REST paths itself, in the service's real wire
// format, and passes every other request to moto: for the APIs moto lacks.
func restFake(t *testing.T, srv *moto.Server, handlers map[string]http.HandlerFunc) *moto.Server {
	t.Helper()
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := handlers[r.URL.Path]; ok {
			h(w, r)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return &moto.Server{URL: ts.URL}
}
