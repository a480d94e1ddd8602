package aws

import (
	"bytes"
	"testing"
)

// A generated world is the same for the same seed, holds about the
// resources asked for with the share misconfigured, survives being written
// and read back, and the real collector reads all of it.
func TestGenerate(t *testing.T) {
	o := GenerateOptions{Resources: 600, Accounts: 2, Regions: 2, Seed: 7}
	w, sum, err := Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	if n := sum.Total(); n < 570 || n > 630 {
		t.Errorf("generated %d resources, want about 600: %v", n, sum.Resources)
	}
	bad := 0
	for _, n := range sum.Misconfigured {
		bad += n
	}
	if bad < 20 || bad > 110 {
		t.Errorf("%d misconfigured of %d, want about a tenth", bad, sum.Total())
	}
	b1, err := w.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	w2, _, _ := Generate(o)
	b2, _ := w2.Marshal()
	if !bytes.Equal(b1, b2) {
		t.Error("the same options gave two different worlds")
	}
	back, err := ParseWorld(b1)
	if err != nil {
		t.Fatalf("a generated world does not read back: %v", err)
	}
	res, srv := collectOrg(t, back)
	for _, e := range res.Errors {
		t.Errorf("collection error: %s", e)
	}
	if st := srv.Stats(); len(st.Unhandled) > 0 {
		t.Errorf("unhandled: %v", st.Unhandled)
	}
	kinds := map[string]map[string]bool{}
	for _, r := range res.Resources {
		if kinds[r.Kind] == nil {
			kinds[r.Kind] = map[string]bool{}
		}
		kinds[r.Kind][r.ID] = true
	}
	for kind, want := range map[string]string{"aws.ec2.instance": "ec2.instances", "aws.ec2.security_group": "ec2.security_groups",
		"aws.iam.role": "iam.roles", "aws.s3.bucket": "s3.buckets", "aws.ec2.snapshot": "ec2.snapshots"} {
		if got := len(kinds[kind]); got != sum.Resources[want] {
			t.Errorf("%s: collected %d, generated %d", kind, got, sum.Resources[want])
		}
	}
	if _, _, err := Generate(GenerateOptions{Resources: 10, Accounts: 1, Regions: 99}); err == nil {
		t.Error("99 regions should be refused")
	}
}
