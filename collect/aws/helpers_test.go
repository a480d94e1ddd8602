package aws

import (
	"context"
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
