package compliance_test

import (
	"context"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/compliance"
	"github.com/vigil-sec/vigil/policy"
)

// Every catalog loads, lists its controls in the framework's order, and
// each CIS AWS catalog has the controls of its version.
func TestCatalogsLoad(t *testing.T) {
	want := map[string]struct{ controls, automated int }{
		"cis-aws-3.0": {62, 50},
		"cis-aws-5.0": {63, 35},
		"cis-aws-7.0": {70, 34},
	}
	names := compliance.Names()
	if len(names) < len(want) {
		t.Fatalf("catalogs %v, want at least %d", names, len(want))
	}
	for _, name := range names {
		c, err := compliance.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(c.Controls); i++ {
			if compliance.CompareIDs(c.Controls[i-1].ID, c.Controls[i].ID) >= 0 {
				t.Errorf("%s: control %s listed after %s", name, c.Controls[i].ID, c.Controls[i-1].ID)
			}
		}
		for _, x := range c.Controls {
			if x.Title == "" || x.Level < 1 || x.Level > 2 {
				t.Errorf("%s %s: title %q level %d", name, x.ID, x.Title, x.Level)
			}
		}
		w, ok := want[name]
		if !ok {
			continue
		}
		cov := c.Cover(nil)
		if len(c.Controls) != w.controls || cov.Automated != w.automated {
			t.Errorf("%s: %d controls, %d automated; want %d, %d", name, len(c.Controls), cov.Automated, w.controls, w.automated)
		}
	}
	if _, err := compliance.Load("../compliance/cis-aws-7.0"); err == nil {
		t.Error("a path loaded as a framework name")
	}
	if _, err := compliance.Load("cis-aws-9.9"); err == nil {
		t.Error("an unknown framework loaded")
	}
}

// Every control a built-in rule names in a framework that has a catalog
// exists in that catalog, and every CIS AWS framework a rule names has a
// catalog.
func TestRuleControlsExist(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	catalogs := map[string]*compliance.Catalog{}
	for _, name := range compliance.Names() {
		if catalogs[name], err = compliance.Load(name); err != nil {
			t.Fatal(err)
		}
	}
	mapped := 0
	for _, r := range e.Rules() {
		for fw, ids := range r.Compliance {
			c, ok := catalogs[fw]
			if !ok {
				if strings.HasPrefix(fw, "cis-aws-") {
					t.Errorf("%s names %s, which has no catalog", r.ID, fw)
				}
				continue
			}
			for _, id := range ids {
				mapped++
				if _, ok := c.Control(id); !ok {
					t.Errorf("%s names %s control %q, not in the catalog", r.ID, fw, id)
				}
			}
		}
	}
	if mapped == 0 {
		t.Error("no rule names a control of a cataloged framework")
	}
}

func TestCover(t *testing.T) {
	c, err := compliance.Load("cis-aws-7.0")
	if err != nil {
		t.Fatal(err)
	}
	cov := c.Cover([]compliance.Rule{
		{ID: "R-2", Controls: []string{"2.4", "9.9"}},
		{ID: "R-1", Controls: []string{"2.4"}},
		{ID: "R-3", Controls: []string{"2.2"}},
	})
	if cov.AutomatedCovered != 1 || cov.Covered != 2 || len(cov.Unknown) != 1 {
		t.Errorf("covered %d automated, %d in all, unknown %v", cov.AutomatedCovered, cov.Covered, cov.Unknown)
	}
	for _, x := range cov.Controls {
		if x.ID == "2.4" && strings.Join(x.Rules, ",") != "R-1,R-2" {
			t.Errorf("2.4 rules %v", x.Rules)
		}
	}
}

func TestCompareIDs(t *testing.T) {
	for _, c := range []struct {
		a, b string
		sign int
	}{{"2.9", "2.10", -1}, {"2.1.6", "2.2", -1}, {"6.1.2", "6.1.2", 0}, {"4.10", "4.2", 1}, {"2", "2.1", -1}} {
		got := compliance.CompareIDs(c.a, c.b)
		if (got < 0 && c.sign >= 0) || (got > 0 && c.sign <= 0) || (got == 0 && c.sign != 0) {
			t.Errorf("CompareIDs(%s, %s) = %d", c.a, c.b, got)
		}
	}
}
