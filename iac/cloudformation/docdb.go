package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::DocDB::DBCluster", model.KindDocDBCluster, func(b *builder) {
		a := model.KindDocDBCluster.Must(b.target)
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", false)
		if !b.has("StorageEncrypted") && b.has("SnapshotIdentifier") {
			b.r.MarkUnknown("storage_encrypted") // the snapshot's
		}
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.LogExports = nonNil(b.strs("EnableCloudwatchLogsExports", "log_exports"))
	})
}

// nonNil makes an unset list empty, as the live collector leaves it.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
