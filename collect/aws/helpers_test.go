package aws

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"

	"github.com/aws/smithy-go/middleware"

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
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.Evaluate(context.Background(), rs, policy.EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, f := range fs {
		if f.Status == model.StatusFail {
			if out[f.Resource.Name] == nil {
				out[f.Resource.Name] = map[string]bool{}
			}
			out[f.Resource.Name][f.RuleID] = true
		}
	}
	return out
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
