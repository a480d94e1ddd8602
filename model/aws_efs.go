package model

// EFSFileSystem is kind aws.efs.file_system.
type EFSFileSystem struct {
	Encrypted bool   `json:"encrypted"`
	KMSKeyID  string `json:"kms_key_id"`
}
