package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

func TestSecretsManagerAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	cfg := srv.Config(t, "us-east-1")
	client := secretsmanager.NewFromConfig(cfg)
	ctx := context.Background()
	key, err := kms.NewFromConfig(cfg).CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		t.Fatal(err)
	}
	keyARN := aws.ToString(key.KeyMetadata.Arn)
	if _, err := client.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("stale"), SecretString: aws.String("x"),
		Tags: []smtypes.Tag{{Key: aws.String("team"), Value: aws.String("db")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("rotated"), SecretString: aws.String("x"),
		KmsKeyId: aws.String(keyARN)}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("rotated"),
		RotationRules:     &smtypes.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)},
		RotateImmediately: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	res := collectMoto(t, srv, []string{"secretsmanager"})
	noErrors(t, res)
	secrets := byKind(res, "aws.secretsmanager.secret")
	if len(secrets) != 2 {
		t.Fatalf("want 2 secrets, got %d", len(secrets))
	}
	stale, rotated := secrets["stale"], secrets["rotated"]
	if a := stale.Attributes.(*model.SecretsManagerSecret); a.Name != "stale" || a.KMSKeyID != "" || a.RotationEnabled ||
		stale.Tags["team"] != "db" || len(stale.Raw) == 0 {
		t.Errorf("stale: %+v %+v", stale, a)
	}
	if a := rotated.Attributes.(*model.SecretsManagerSecret); a.KMSKeyID != keyARN || !a.RotationEnabled ||
		len(rotated.Relations) != 1 || rotated.Relations[0].Target != keyARN {
		t.Errorf("rotated: %+v %+v", rotated, a)
	}
	// Both were created just now and never retrieved: too new to be unused
	// or overdue; the rotated one's schedule is read.
	for name, r := range secrets {
		if a := r.Attributes.(*model.SecretsManagerSecret); a.Created == "" || a.LastAccessed != "" {
			t.Errorf("%s dates: %+v", name, a)
		}
	}
	if a := rotated.Attributes.(*model.SecretsManagerSecret); a.RotationDays != 30 {
		t.Errorf("rotated schedule: %+v", a)
	}
	fails := failing(t, res.Resources)
	if !fails["stale"]["AWS-SM-001"] || fails["rotated"]["AWS-SM-001"] {
		t.Errorf("AWS-SM-001: %v", fails)
	}
	if !fails["stale"]["AWS-SM-002"] || fails["rotated"]["AWS-SM-002"] {
		t.Errorf("AWS-SM-002: %v", fails)
	}
	for _, id := range []string{"AWS-SM-021", "AWS-SM-022", "AWS-SM-023"} {
		if fails["stale"][id] || fails["rotated"][id] {
			t.Errorf("%s on secrets created just now: %v", id, fails)
		}
	}
}
