package aws

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

const publicKeyPolicy = `{"Version":"2012-10-17","Statement":[{"Sid":"all","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*"}]}`

// seedKMS creates a rotating key, a non-rotating key with a public key
// policy, and an asymmetric signing key (which cannot rotate), each named
// by an alias.
func seedKMS(t *testing.T, srv *moto.Server) map[string]string {
	t.Helper()
	ctx := context.Background()
	c := kms.NewFromConfig(srv.Config(t, "us-east-1"))
	ids := map[string]string{}
	for _, k := range []struct {
		alias, policy string
		spec          kmstypes.KeySpec
		usage         kmstypes.KeyUsageType
		rotate        bool
	}{
		{"alias/rotating", "", kmstypes.KeySpecSymmetricDefault, kmstypes.KeyUsageTypeEncryptDecrypt, true},
		{"alias/static", publicKeyPolicy, kmstypes.KeySpecSymmetricDefault, kmstypes.KeyUsageTypeEncryptDecrypt, false},
		{"alias/signing", "", kmstypes.KeySpecRsa2048, kmstypes.KeyUsageTypeSignVerify, false},
	} {
		in := &kms.CreateKeyInput{Description: aws.String(k.alias[6:] + " key"), KeySpec: k.spec, KeyUsage: k.usage,
			Tags: []kmstypes.Tag{{TagKey: aws.String("team"), TagValue: aws.String("sec")}}}
		if k.policy != "" {
			in.Policy = aws.String(k.policy)
		}
		out, err := c.CreateKey(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		id := aws.ToString(out.KeyMetadata.KeyId)
		ids[k.alias] = id
		if _, err := c.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(k.alias), TargetKeyId: &id}); err != nil {
			t.Fatal(err)
		}
		if k.rotate {
			if _, err := c.EnableKeyRotation(ctx, &kms.EnableKeyRotationInput{KeyId: &id}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids
}

func TestKMSAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	ids := seedKMS(t, srv)
	res := collectMoto(t, srv, []string{"kms"})
	noErrors(t, res)
	keys := byKind(res, "aws.kms.key")
	if len(keys) != 3 {
		t.Fatalf("want 3 keys, got %d: %v", len(keys), keys)
	}
	rot := keys["alias/rotating"]
	if rot.ID != "arn:aws:kms:us-east-1:123456789012:key/"+ids["alias/rotating"] || rot.Region != "us-east-1" ||
		rot.Tags["team"] != "sec" || len(rot.Raw) == 0 {
		t.Errorf("identity: %+v", rot)
	}
	ra := rot.Attributes.(*model.KMSKey)
	if !ra.RotationEnabled || ra.KeyManager != "CUSTOMER" || ra.KeySpec != "SYMMETRIC_DEFAULT" || ra.KeyUsage != "ENCRYPT_DECRYPT" ||
		!ra.Enabled || ra.Description != "rotating key" || ra.DeletionWindowDays != 30 || ra.Policy == nil {
		t.Errorf("rotating key: %+v", ra)
	}
	if sa := keys["alias/static"].Attributes.(*model.KMSKey); sa.RotationEnabled || sa.Policy == nil ||
		sa.Policy.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("static key: %+v", sa)
	}
	if ga := keys["alias/signing"].Attributes.(*model.KMSKey); ga.KeySpec != "RSA_2048" || ga.KeyUsage != "SIGN_VERIFY" || ga.RotationEnabled {
		t.Errorf("signing key: %+v", ga)
	}
	fails := failing(t, res.Resources)
	if !fails["alias/static"]["AWS-KMS-001"] || fails["alias/rotating"]["AWS-KMS-001"] || fails["alias/signing"]["AWS-KMS-001"] {
		t.Errorf("AWS-KMS-001: %v", fails)
	}
	if !fails["alias/static"]["AWS-KMS-002"] || fails["alias/rotating"]["AWS-KMS-002"] {
		t.Errorf("AWS-KMS-002: %v", fails)
	}
}

// terraformFailing maps a Terraform configuration through the real IaC
// loader and returns the rule ids failing on each resource, by name.
func terraformFailing(t *testing.T, tf string) map[string]map[string]bool {
	t.Helper()
	return failing(t, loadTerraform(t, tf))
}

// ruleSet lists the ids of one resource's failing rules with a prefix.
func ruleSet(fails map[string]bool, prefix string) string {
	var ids []string
	for id := range fails {
		if strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// The live and the Terraform path judge equivalent keys alike.
func TestKMSLiveAgreesWithTerraform(t *testing.T) {
	srv := moto.Start(t)
	seedKMS(t, srv)
	live := failing(t, collectMoto(t, srv, []string{"kms"}).Resources)
	tf := terraformFailing(t, `
resource "aws_kms_key" "rotating" {
  description         = "rotating key"
  enable_key_rotation = true
}
resource "aws_kms_key" "static" {
  description = "static key"
  policy      = jsonencode({Version = "2012-10-17", Statement = [{Sid = "all", Effect = "Allow", Principal = {AWS = "*"}, Action = "kms:Decrypt", Resource = "*"}]})
}
resource "aws_kms_key" "signing" {
  description              = "signing key"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"
}
`)
	for _, name := range []string{"rotating", "static", "signing"} {
		l, f := ruleSet(live["alias/"+name], "AWS-KMS-"), ruleSet(tf[name], "AWS-KMS-")
		if l != f {
			t.Errorf("%s: live fails [%s], Terraform fails [%s]", name, l, f)
		}
	}
	if !tf["static"]["AWS-KMS-001"] {
		t.Errorf("the comparison must cover a failing key: %v", tf)
	}
}
