package aws

import (
	"strings"
	"testing"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
)

// A full collection of every service against a world holding every kind
// the collector knows: every operation it calls is served, nothing fails,
// every AWS kind comes back, and every unit is complete and declares the
// kinds it produced.
func TestEveryOperationServed(t *testing.T) {
	w := fragmentWorld(t)
	res, srv := collect(t, w)
	st := srv.Stats()
	if len(st.Unhandled) > 0 {
		t.Errorf("operations the test cloud does not serve: %v", st.Unhandled)
	}
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	kinds := byKind(res.Resources)
	var missing []string
	for _, k := range model.Kinds() {
		if strings.HasPrefix(k.Name, "aws.") && len(kinds[k.Name]) == 0 {
			missing = append(missing, k.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("kinds the world has none of (add them to testdata/world): %v", missing)
	}
	checkUnits(t, res)
	served := map[string]bool{}
	for op := range st.Operations {
		served[op] = true
	}
	t.Logf("%d calls, %d operations, %d resources, %d services", st.Calls, len(st.Operations), len(res.Resources), len(awscollect.Services()))
}

// checkUnits fails unless every service ran as complete units, every
// resource is of a kind its unit declares (else a failed unit would leave
// it looking deleted), and every kind a service declares was produced.
func checkUnits(t *testing.T, res *awscollect.Result) {
	t.Helper()
	declared := map[string]bool{}
	services := map[string]bool{}
	for _, o := range res.Units {
		services[o.Service] = true
		if o.Status != model.UnitComplete || len(o.Unread) > 0 {
			t.Errorf("unit %+v: not complete", o)
		}
		if len(o.Kinds) == 0 {
			t.Errorf("service %s declares no kind", o.Service)
		}
		for _, k := range o.Kinds {
			declared[k] = true
		}
	}
	for _, svc := range awscollect.Services() {
		if !services[svc] {
			t.Errorf("service %s reported no unit", svc)
		}
	}
	produced := map[string]bool{}
	for _, r := range res.Resources {
		produced[r.Kind] = true
		covered := false
		for i := range res.Units {
			covered = covered || res.Units[i].Covers(r.Kind, r.Account, r.Region)
		}
		if !covered {
			t.Errorf("%s (%s, %s/%s): no unit declares its kind", r.ID, r.Kind, r.Account, r.Region)
		}
	}
	for k := range declared {
		if !produced[k] {
			t.Errorf("kind %s is declared but no unit produced one", k)
		}
	}
}
