package aws

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/vigil-sec/vigil/model"
)

// ListSecrets through the SDK returns the world's secrets as they are,
// an ARN made up for the one that has none, and not the secret scheduled
// for deletion unless asked.
func TestSecretsManagerListSecrets(t *testing.T) {
	w := fragmentWorld(t, "secretsmanager")
	cfg, _ := testCloud(t, w)
	client := secretsmanager.NewFromConfig(cfg)
	ctx := context.Background()
	out, err := client.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatal(err)
	}
	world := w.Account(fragmentAccount).worldOf("secretsmanager", "us-east-1").(*secretsManagerWorld).Secrets
	if len(out.SecretList) != 2 || out.NextToken != nil {
		t.Fatalf("want the 2 live secrets in one page, got %d (next %v)", len(out.SecretList), out.NextToken)
	}
	made := aws.ToString(out.SecretList[1].ARN)
	if !strings.HasPrefix(made, "arn:aws:secretsmanager:us-east-1:111111111111:secret:legacy/partner-api-token-") ||
		len(made) != len("arn:aws:secretsmanager:us-east-1:111111111111:secret:legacy/partner-api-token-")+6 {
		t.Errorf("made-up ARN %q", made)
	}
	want := []smtypes.SecretListEntry{world[0], world[1]}
	want[1].ARN = aws.String(made)
	sameJSON(t, "ListSecrets", out.SecretList, want)

	all, err := client.ListSecrets(ctx, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.SecretList) != 3 || all.SecretList[2].DeletedDate == nil {
		t.Errorf("IncludePlannedDeletion: %d secrets", len(all.SecretList))
	}

	_, err = client.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String("bogus")})
	var bad *smtypes.InvalidNextTokenException
	if !errors.As(err, &bad) {
		t.Errorf("bad token: want InvalidNextTokenException, got %v", err)
	}
}

// Secrets page by 100, or by the MaxResults asked.
func TestSecretsManagerPages(t *testing.T) {
	w := fragmentWorld(t, "secretsmanager")
	var many []smtypes.SecretListEntry
	for i := range 230 {
		many = append(many, smtypes.SecretListEntry{Name: aws.String(fmt.Sprintf("app/secret-%03d", i))})
	}
	w.Account(fragmentAccount).Set("eu-west-1", "secretsmanager", &secretsManagerWorld{Secrets: many})
	cfg, _ := testCloud(t, w)
	client := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.Region = "eu-west-1" })
	for _, tc := range []struct {
		limit int32
		pages int
	}{{0, 3}, {40, 6}} {
		p := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{}, func(o *secretsmanager.ListSecretsPaginatorOptions) { o.Limit = tc.limit })
		var names []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.SecretList {
				names = append(names, aws.ToString(s.Name))
			}
		}
		if pages != tc.pages || len(names) != 230 || names[229] != "app/secret-229" {
			t.Errorf("limit %d: %d pages, %d secrets", tc.limit, pages, len(names))
		}
	}
}

// The collector reads rotation and the KMS key of each secret.
func TestSecretsManagerCollect(t *testing.T) {
	w := fragmentWorld(t, "secretsmanager")
	res := collectClean(t, w, "secretsmanager")
	secrets := byKind(res.Resources)["aws.secretsmanager.secret"]
	if len(secrets) != 2 {
		t.Fatalf("want 2 secrets, got %d", len(secrets))
	}
	rotated := secrets["prod/orders/db-password"]
	if a := rotated.Attributes.(*model.SecretsManagerSecret); !a.RotationEnabled ||
		a.KMSKeyID != "arn:aws:kms:us-east-1:111111111111:key/7f3c2a1e-5b4d-4c8e-9a61-2d0b9e4f6a10" ||
		rotated.ID != "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/orders/db-password-Kq3fZ1" || rotated.Tags["team"] != "orders" {
		t.Errorf("rotated secret: %+v %+v", rotated, a)
	}
	stale := secrets["legacy/partner-api-token"]
	if a := stale.Attributes.(*model.SecretsManagerSecret); a.RotationEnabled || a.KMSKeyID != "" || stale.Tags["team"] != "billing" {
		t.Errorf("unrotated secret: %+v %+v", stale, a)
	}
	// ListSecrets's dates: the password rotates every 30 days and was used
	// and rotated "recently"; the token was last read in January 2025.
	if a := rotated.Attributes.(*model.SecretsManagerSecret); a.RotationDays != 30 || a.Created != "2025-03-14T09:26:53Z" ||
		a.LastAccessed != "2099-01-01T00:00:00Z" || a.LastRotated != "2099-01-01T03:12:45Z" {
		t.Errorf("rotated secret's schedule and dates: %+v", a)
	}
	if a := stale.Attributes.(*model.SecretsManagerSecret); a.RotationDays != 0 || a.LastAccessed != "2025-01-10T00:00:00Z" || a.LastRotated != "" {
		t.Errorf("unrotated secret's schedule and dates: %+v", a)
	}
	// The partner token is shared with any account; the password with one role.
	if p := stale.Attributes.(*model.SecretsManagerSecret).Policy; p == nil || p.Statements[0].Principals["AWS"][0] != "*" {
		t.Errorf("partner token policy: %+v", p)
	}
	if p := rotated.Attributes.(*model.SecretsManagerSecret).Policy; p == nil || p.Statements[0].Principals["AWS"][0] != "arn:aws:iam::111111111111:role/orders-service" {
		t.Errorf("password policy: %+v", p)
	}
}
