package model

// Kinds of this service.
var (
	KindWorkSpacesWorkspace = NewKind[WorkSpacesWorkspace]("aws.workspaces.workspace", "WorkSpaces virtual desktop")
)

// WorkSpacesWorkspace is kind aws.workspaces.workspace.
type WorkSpacesWorkspace struct {
	UserName                    string `json:"user_name"`
	RootVolumeEncryptionEnabled bool   `json:"root_volume_encryption_enabled"`
	UserVolumeEncryptionEnabled bool   `json:"user_volume_encryption_enabled"`
}
