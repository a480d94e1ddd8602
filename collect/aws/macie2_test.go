package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/macie2"
	macietypes "github.com/aws/aws-sdk-go-v2/service/macie2/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// Macie read turned off and then on again (moto starts every account
// and region with Macie on).
func TestMacieAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := macie2.NewFromConfig(srv.Config(t, "us-east-1"))
	must := seeded(t)
	must(client.DisableMacie(context.Background(), &macie2.DisableMacieInput{}))
	session := func(res *Result) *model.Resource {
		t.Helper()
		for _, r := range res.Resources {
			if r.Kind == "aws.macie2.session" {
				return r
			}
		}
		t.Fatal("no aws.macie2.session")
		return nil
	}

	off := collectMoto(t, srv, []string{"macie2"})
	noErrors(t, off)
	r := session(off)
	if a := r.Attributes.(*model.MacieSession); a.Enabled || a.Status != "" || a.AutomatedDiscovery || r.IsUnknown("automated_discovery") {
		t.Errorf("off: %+v (unknown %v)", a, r.Unknown)
	}
	if fails := failing(t, off.Resources)[r.Name]; !fails["AWS-MACIE-001"] || !fails["AWS-MACIE-002"] {
		t.Errorf("off: %v", fails)
	}

	must(client.EnableMacie(context.Background(), &macie2.EnableMacieInput{Status: macietypes.MacieStatusEnabled}))
	on := collectMoto(t, srv, []string{"macie2"})
	// moto does not serve GetAutomatedDiscoveryConfiguration: that read
	// fails (leaving automated discovery unknown) and nothing else may.
	for _, e := range on.Errors {
		if e.Operation != "GetAutomatedDiscoveryConfiguration" {
			t.Errorf("collection error: %s", e)
		}
	}
	r = session(on)
	if a := r.Attributes.(*model.MacieSession); !a.Enabled || a.Status != "ENABLED" || !r.IsUnknown("automated_discovery") {
		t.Errorf("on: %+v (unknown %v)", a, r.Unknown)
	}
	if fails := failing(t, on.Resources)[r.Name]; fails["AWS-MACIE-001"] || fails["AWS-MACIE-002"] {
		t.Errorf("on: %v", fails)
	}
}
