package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glacier"

	"github.com/vigil-sec/vigil/internal/moto"
)

// moto 5.2 serves Glacier's vaults, archives and jobs, but not vault
// access policies or tags: against it the vaults are listed, and what
// the reads it does not serve would fill stays unknown (the test cloud's
// Glacier, with its world fragment, covers the policy and the rule).
func TestGlacierAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := glacier.NewFromConfig(srv.Config(t, "us-east-1"))
	must := seeded(t)
	for _, name := range []string{"exports", "backups"} {
		must(client.CreateVault(context.Background(), &glacier.CreateVaultInput{AccountId: aws.String("-"), VaultName: aws.String(name)}))
	}
	res := collectMoto(t, srv, []string{"glacier"})
	vaults := byKind(res, "aws.glacier.vault")
	if len(vaults) != 2 {
		t.Fatalf("vaults: %v", vaults)
	}
	for name, v := range vaults {
		if v.ID != "arn:aws:glacier:us-east-1:123456789012:vaults/"+name {
			t.Errorf("%s: id %s", name, v.ID)
		}
		if !v.IsUnknown("policy") {
			t.Errorf("%s: the policy was not read, yet it is known", name)
		}
	}
	fails := failing(t, res.Resources)
	if fails["exports"]["AWS-GLACIER-001"] || fails["backups"]["AWS-GLACIER-001"] {
		t.Errorf("AWS-GLACIER-001 judged an unread policy: %v %v", fails["exports"], fails["backups"])
	}
}
