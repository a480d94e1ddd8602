package model

// Kinds of this service.
var (
	KindKMSKey = NewKind[KMSKey]("aws.kms.key", "KMS key")
)

// KMSKey is kind aws.kms.key.
type KMSKey struct {
	Description        string          `json:"description"`
	KeySpec            string          `json:"key_spec" doc:"SYMMETRIC_DEFAULT, RSA_2048 ..."`
	KeyUsage           string          `json:"key_usage"`
	KeyManager         string          `json:"key_manager" doc:"CUSTOMER or AWS"`
	Enabled            bool            `json:"enabled"`
	KeyState           string          `json:"key_state" doc:"Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, Updating, Creating"`
	RotationEnabled    bool            `json:"rotation_enabled"`
	DeletionWindowDays int             `json:"deletion_window_days"`
	Policy             *PolicyDocument `json:"policy"`
}
