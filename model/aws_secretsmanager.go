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
	RotationDays    int             `json:"rotation_days" doc:"days between automatic rotations; 0 when rotation is off or set by a schedule expression"`
	Created         string          `json:"created" doc:"when the secret was created, RFC 3339; unknown in IaC"`
	LastAccessed    string          `json:"last_accessed" doc:"the day the secret was last retrieved, RFC 3339; empty when never; unknown in IaC"`
	LastRotated     string          `json:"last_rotated" doc:"when the secret last rotated, RFC 3339; empty when never; unknown in IaC"`
}
