package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// WorkSpaces: aws_workspaces_workspace becomes aws.workspaces.workspace.
func init() {
	registerParent("aws_workspaces_workspace", model.KindWorkSpacesWorkspace, func(b *Builder) {
		a := model.KindWorkSpacesWorkspace.Must(b.R)
		a.UserName = b.String("user_name", "user_name", "")
		b.NameFrom("user_name")
		// Both volumes unencrypted unless asked for.
		a.RootVolumeEncryptionEnabled = b.Bool("root_volume_encryption_enabled", "root_volume_encryption_enabled", false)
		a.UserVolumeEncryptionEnabled = b.Bool("user_volume_encryption_enabled", "user_volume_encryption_enabled", false)
	})
}
