package tfaws

import "github.com/vigil-sec/vigil/model"

// Secrets Manager: aws_secretsmanager_secret joined with its
// aws_secretsmanager_secret_rotation and aws_secretsmanager_secret_policy.
func init() {
	registerParent("aws_secretsmanager_secret", model.KindSecretsManagerSecret, func(b *Builder) {
		a := model.KindSecretsManagerSecret.Must(b.R)
		a.Name = b.NameFrom("name", "name_prefix")
		// Empty means the AWS managed aws/secretsmanager key.
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.Policy = b.Policy("policy", "policy")
		// When the secret is created, read and rotated happens after apply.
		for _, attr := range []string{"created", "last_accessed", "last_rotated"} {
			b.R.MarkUnknown(attr)
		}
		// Provider v3 configured rotation inline.
		if b.Has("rotation_lambda_arn") || b.HasBlock("rotation_rules") {
			a.RotationEnabled = true
			b.locate("rotation_rules", "rotation_enabled")
			a.RotationDays = b.Int("rotation_rules[0].automatically_after_days", "rotation_days", 0)
		}
	})
	registerChild("aws_secretsmanager_secret_policy", "secret_arn", []string{"aws_secretsmanager_secret"}, func(p *Builder, c *Child) {
		model.KindSecretsManagerSecret.Must(p.R).Policy = c.Policy("policy", "policy")
	})
	registerChild("aws_secretsmanager_secret_rotation", "secret_id", []string{"aws_secretsmanager_secret"}, func(p *Builder, c *Child) {
		a := model.KindSecretsManagerSecret.Must(p.R)
		a.RotationEnabled = true
		c.locate("", "rotation_enabled")
		a.RotationDays = c.Int("rotation_rules[0].automatically_after_days", "rotation_days", 0)
	})
}
