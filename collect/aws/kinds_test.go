package aws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// Every service declares the kinds it produces, each a registered kind,
// and nothing is declared for a service that does not exist. (That each
// declared kind is produced, and each produced one declared, is
// TestEveryOperationServed's, on the test cloud's world of every kind.)
func TestServicesDeclareKinds(t *testing.T) {
	for name, s := range registry {
		if len(s.kinds) == 0 {
			t.Errorf("service %s declares no kind in serviceKinds", name)
		}
		for _, k := range s.kinds {
			if _, ok := model.LookupKind(k); !ok {
				t.Errorf("service %s declares %s, which model does not register", name, k)
			}
		}
	}
	for name := range serviceKinds {
		if registry[name] == nil {
			t.Errorf("serviceKinds declares %s, which is not a registered service", name)
		}
	}
}
