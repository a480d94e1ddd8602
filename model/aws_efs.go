package model

// Kinds of this service.
var (
	KindEFSFileSystem = NewKind[EFSFileSystem]("aws.efs.file_system", "EFS file system")
)

// EFSFileSystem is kind aws.efs.file_system.
type EFSFileSystem struct {
	Encrypted bool   `json:"encrypted"`
	KMSKeyID  string `json:"kms_key_id"`

	Policy           *PolicyDocument `json:"policy" doc:"the file system policy; null when it has none"`
	AutomaticBackups bool            `json:"automatic_backups" doc:"the backup policy puts the file system in AWS Backup's default plan (daily, kept 35 days)"`
}
