package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// Neptune: aws_neptune_cluster becomes aws.neptune.cluster.
func init() {
	registerParent("aws_neptune_cluster", model.KindNeptuneCluster, func(b *Builder) {
		a := model.KindNeptuneCluster.Must(b.R)
		b.NameFrom("cluster_identifier", "cluster_identifier_prefix")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.StorageEncrypted = b.Bool("storage_encrypted", "storage_encrypted", false)
		if !b.Has("storage_encrypted") && (b.Has("snapshot_identifier") || b.Has("replication_source_identifier")) {
			b.Target().MarkUnknown("storage_encrypted")
		}
		a.BackupRetentionPeriod = b.Int("backup_retention_period", "backup_retention_period", 1)
		a.DeletionProtection = b.Bool("deletion_protection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.Bool("iam_database_authentication_enabled", "iam_database_authentication_enabled", false)
		// Neptune's argument is enable_..., DocumentDB's enabled_...
		a.LogExports = nonNilStrings(b.Strings("enable_cloudwatch_logs_exports", "log_exports"))
	})
}
