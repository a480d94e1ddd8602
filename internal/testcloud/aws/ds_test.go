package aws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestDSCollector(t *testing.T) {
	w := fragmentWorld(t, "ds")
	res := collectClean(t, w, "ds")
	dirs := byKind(res.Resources)["aws.ds.directory"]
	corp, prod, lab := dirs["corp.acme.example"], dirs["prod.acme.example"], dirs["lab.acme.example"]
	if corp == nil || prod == nil || lab == nil || corp.Tags["team"] != "identity" ||
		corp.ID != "arn:aws:ds:us-east-1:111111111111:directory/d-9067a1b2c3" {
		t.Fatalf("directories: %v", dirs)
	}
	if a := corp.Attributes.(*model.DSDirectory); a.Type != "MicrosoftAD" || a.LogForwarding || a.SNSEventTopics {
		t.Errorf("corp: %+v", a)
	}
	if a := prod.Attributes.(*model.DSDirectory); !a.LogForwarding || !a.SNSEventTopics {
		t.Errorf("prod: %+v", a)
	}
	if a := lab.Attributes.(*model.DSDirectory); a.Type != "SimpleAD" || a.LogForwarding || !a.SNSEventTopics {
		t.Errorf("lab: %+v", a)
	}
}
