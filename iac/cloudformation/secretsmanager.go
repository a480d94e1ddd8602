package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::SecretsManager::Secret", model.KindSecretsManagerSecret, func(b *builder) {
		a := model.KindSecretsManagerSecret.Must(b.target)
		a.Name = b.nameProp("Name")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
		// When the secret is created, read and rotated happens after deploy.
		for _, attr := range []string{"created", "last_accessed", "last_rotated"} {
			b.target.MarkUnknown(attr)
		}
	})
	child("AWS::SecretsManager::ResourcePolicy", func(c *builder) {
		for _, p := range c.parentsOf("SecretId", "AWS::SecretsManager::Secret") {
			c.onto(p)
			model.KindSecretsManagerSecret.Must(c.target).Policy = c.policy("ResourcePolicy", "policy")
		}
	})
	child("AWS::SecretsManager::RotationSchedule", func(c *builder) {
		for _, p := range c.parentsOf("SecretId", "AWS::SecretsManager::Secret") {
			c.onto(p)
			a := model.KindSecretsManagerSecret.Must(c.target)
			a.RotationEnabled = c.has("RotationLambdaARN") || c.has("HostedRotationLambda") || c.has("RotationRules")
			a.RotationDays = c.integer("RotationRules.AutomaticallyAfterDays", "rotation_days", 0)
			c.locate("", "rotation_enabled")
		}
	})
}
