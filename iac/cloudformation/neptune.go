package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::Neptune::DBCluster", model.KindNeptuneCluster, func(b *builder) {
		a := model.KindNeptuneCluster.Must(b.target)
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", false)
		if !b.has("StorageEncrypted") && (b.has("SnapshotIdentifier") || b.has("SourceDBClusterIdentifier")) {
			b.r.MarkUnknown("storage_encrypted") // the source's
		}
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.boolean("IamAuthEnabled", "iam_database_authentication_enabled", false)
		a.LogExports = nonNil(b.strs("EnableCloudwatchLogsExports", "log_exports"))
	})
}
