package aws

import (
	"slices"
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

// KindsOf names the kinds of the chosen services once each, sorted; of
// every service with none chosen; nothing for a service that does not
// exist (the collection refuses it).
func TestKindsOfServices(t *testing.T) {
	got := KindsOf([]string{"sqs", "s3", "SQS"})
	if !slices.IsSorted(got) || !slices.Contains(got, "aws.s3.bucket") || !slices.Contains(got, "aws.sqs.queue") || slices.Contains(got, "aws.ec2.instance") {
		t.Errorf("KindsOf(sqs, s3) = %v", got)
	}
	if n := len(slices.Compact(slices.Clone(got))); n != len(got) {
		t.Errorf("KindsOf repeats a kind: %v", got)
	}
	all := KindsOf(nil)
	for _, svc := range Services() {
		for _, k := range serviceKinds[svc] {
			if !slices.Contains(all, k) {
				t.Errorf("KindsOf(all) lacks %s of %s", k, svc)
			}
		}
	}
	if got := KindsOf([]string{"s3", "nosuch"}); len(got) != 0 {
		t.Errorf("KindsOf with an unknown service = %v, want none", got)
	}
}
