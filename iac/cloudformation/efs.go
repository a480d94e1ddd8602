package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::EFS::FileSystem", model.KindEFSFileSystem, func(b *builder) {
		a := model.KindEFSFileSystem.Must(b.target)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		a.Policy = b.policy("FileSystemPolicy", "policy")
		// Without a BackupPolicy automatic backups are off.
		a.AutomaticBackups = b.str("BackupPolicy.Status", "automatic_backups", "DISABLED") == "ENABLED"
		b.relate(model.RelEncryptedBy, a.KMSKeyID)
	})
}
