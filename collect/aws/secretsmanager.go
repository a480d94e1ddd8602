package aws

import (
	"time"

	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("secretsmanager", false, collectSecretsManager) }

// collectSecretsManager reads every secret's encryption key, rotation and
// resource policy, and when it was last used and rotated, into
// aws.secretsmanager.secret. ListSecrets carries all but the policy, tags included; the secret values are never read.
func collectSecretsManager(ctx context.Context, s *scope) {
	client := secretsmanager.NewFromConfig(s.Config())
	p := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListSecrets", err)
			return
		}
		forEach(s, page.SecretList, func(e smtypes.SecretListEntry) {
			sec := &model.SecretsManagerSecret{
				Name: aws.ToString(e.Name),
				// Empty means the AWS managed aws/secretsmanager key, as in
				// Terraform.
				KMSKeyID:        aws.ToString(e.KmsKeyId),
				RotationEnabled: aws.ToBool(e.RotationEnabled),
				Created:         secretTime(e.CreatedDate),
				LastAccessed:    secretTime(e.LastAccessedDate),
				LastRotated:     secretTime(e.LastRotatedDate),
			}
			if sec.RotationEnabled && e.RotationRules != nil {
				sec.RotationDays = int(aws.ToInt64(e.RotationRules.AutomaticallyAfterDays))
			}
			var tags map[string]string
			tags = addTags(tags, e.Tags, func(t smtypes.Tag) (*string, *string) { return t.Key, t.Value })
			var rels []model.Relation
			if sec.KMSKeyID != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: sec.KMSKeyID})
			}
			rd := s.reads(aws.ToString(e.ARN))
			raw := map[string]any{"Secret": e}
			// A secret without a resource policy answers no ResourcePolicy.
			rd.call("GetResourcePolicy", []string{"policy"}, func() error {
				out, err := client.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: e.ARN})
				if err != nil {
					return err
				}
				return keepPolicy(raw, "ResourcePolicy", out.ResourcePolicy, &sec.Policy)
			})
			rd.add(model.KindSecretsManagerSecret.With(sec), sec.Name, raw, tags, rels...)
		})
	}
}

// secretTime is t in RFC 3339 (UTC), or "" when ListSecrets left it out
// (a secret never retrieved or never rotated).
func secretTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
