package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("secretsmanager", false, collectSecretsManager) }

// collectSecretsManager reads every secret's encryption key and rotation
// into aws.secretsmanager.secret. ListSecrets carries all of it, tags
// included; the secret values are never read.
func collectSecretsManager(ctx context.Context, s *scope) {
	client := secretsmanager.NewFromConfig(s.Config())
	p := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListSecrets", err)
			return
		}
		for _, e := range page.SecretList {
			sec := &model.SecretsManagerSecret{
				Name: aws.ToString(e.Name),
				// Empty means the AWS managed aws/secretsmanager key, as in
				// Terraform.
				KMSKeyID:        aws.ToString(e.KmsKeyId),
				RotationEnabled: aws.ToBool(e.RotationEnabled),
			}
			var tags map[string]string
			tags = addTags(tags, e.Tags, func(t smtypes.Tag) (*string, *string) { return t.Key, t.Value })
			var rels []model.Relation
			if sec.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: sec.KMSKeyID})
			}
			s.add(aws.ToString(e.ARN), model.KindSecretsManagerSecret.With(sec), sec.Name, e, tags, rels...)
		}
	}
}
