package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::WorkSpaces::Workspace", model.KindWorkSpacesWorkspace, func(b *builder) {
		a := model.KindWorkSpacesWorkspace.Must(b.target)
		a.UserName = b.str("UserName", "user_name", "")
		// Both volumes unencrypted unless asked for.
		a.RootVolumeEncryptionEnabled = b.boolean("RootVolumeEncryptionEnabled", "root_volume_encryption_enabled", false)
		a.UserVolumeEncryptionEnabled = b.boolean("UserVolumeEncryptionEnabled", "user_volume_encryption_enabled", false)
	})
}
