package model

// Kinds of this service.
var (
	KindSecretsManagerSecret = NewKind[SecretsManagerSecret]("aws.secretsmanager.secret", "Secrets Manager secret")
)

// SecretsManagerSecret is kind aws.secretsmanager.secret.
type SecretsManagerSecret struct {
	Name            string          `json:"name"`
	KMSKeyID        string          `json:"kms_key_id"`
	RotationEnabled bool            `json:"rotation_enabled"`
	Policy          *PolicyDocument `json:"policy" doc:"the secret's resource policy; null when it has none"`
}
