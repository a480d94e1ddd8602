package aws

import (
	"strings"
	"testing"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/model"
)

// A full collection of every service against a world holding every kind
// the collector knows: every operation it calls is served, nothing fails,
// and every AWS kind comes back.
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
	served := map[string]bool{}
	for op := range st.Operations {
		served[op] = true
	}
	t.Logf("%d calls, %d operations, %d resources, %d services", st.Calls, len(st.Operations), len(res.Resources), len(awscollect.Services()))
}
