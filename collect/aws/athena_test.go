package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/athena"
	athenatypes "github.com/aws/aws-sdk-go-v2/service/athena/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// seedAthena creates a workgroup that neither encrypts results nor
// enforces its settings, and one that does both (beside moto's primary).
func seedAthena(t *testing.T, srv *moto.Server) {
	t.Helper()
	client := athena.NewFromConfig(srv.Config(t, "us-east-1"))
	ctx := context.Background()
	must := seeded(t)
	must(client.CreateWorkGroup(ctx, &athena.CreateWorkGroupInput{Name: aws.String("open"),
		Configuration: &athenatypes.WorkGroupConfiguration{EnforceWorkGroupConfiguration: aws.Bool(false),
			ResultConfiguration: &athenatypes.ResultConfiguration{OutputLocation: aws.String("s3://results/open/")}}}))
	must(client.CreateWorkGroup(ctx, &athena.CreateWorkGroupInput{Name: aws.String("closed"),
		Configuration: &athenatypes.WorkGroupConfiguration{EnforceWorkGroupConfiguration: aws.Bool(true),
			ResultConfiguration: &athenatypes.ResultConfiguration{OutputLocation: aws.String("s3://results/closed/"),
				EncryptionConfiguration: &athenatypes.EncryptionConfiguration{EncryptionOption: athenatypes.EncryptionOptionSseS3}}}}))
}

func TestAthenaAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	seedAthena(t, srv)
	res := collectMoto(t, srv, []string{"athena"})
	noErrors(t, res)

	wg := byKind(res, "aws.athena.workgroup")
	if wg["open"] == nil || wg["closed"] == nil {
		t.Fatalf("workgroups: %v", wg)
	}
	if wg["open"].ID != "arn:aws:athena:us-east-1:123456789012:workgroup/open" {
		t.Errorf("id: %s", wg["open"].ID)
	}
	if a := wg["open"].Attributes.(*model.AthenaWorkGroup); !a.Enabled || a.EnforceConfiguration || a.ResultEncryption != "" {
		t.Errorf("open: %+v", a)
	}
	if a := wg["closed"].Attributes.(*model.AthenaWorkGroup); !a.EnforceConfiguration || a.ResultEncryption != "SSE_S3" {
		t.Errorf("closed: %+v", a)
	}
	fails := failing(t, res.Resources)
	for _, id := range []string{"AWS-ATHENA-001", "AWS-ATHENA-002"} {
		if !fails["open"][id] || fails["closed"][id] {
			t.Errorf("%s: open %v, closed %v", id, fails["open"], fails["closed"])
		}
	}
}
