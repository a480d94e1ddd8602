package model

// Kinds of this service.
var (
	KindEFSFileSystem = NewKind[EFSFileSystem]("aws.efs.file_system", "EFS file system")
)

// EFSFileSystem is kind aws.efs.file_system.
type EFSFileSystem struct {
	Encrypted bool   `json:"encrypted"`
	KMSKeyID  string `json:"kms_key_id"`
}
