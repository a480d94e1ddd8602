package tfaws

import (
	"github.com/vigil-sec/vigil/model"
)

// DocumentDB: aws_docdb_cluster becomes aws.docdb.cluster.
func init() {
	registerParent("aws_docdb_cluster", model.KindDocDBCluster, func(b *Builder) {
		a := model.KindDocDBCluster.Must(b.R)
		b.NameFrom("cluster_identifier", "cluster_identifier_prefix")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		// The API's (and provider's) default is an unencrypted cluster;
		// a restore from a snapshot takes the snapshot's encryption.
		a.StorageEncrypted = b.Bool("storage_encrypted", "storage_encrypted", false)
		if !b.Has("storage_encrypted") && b.Has("snapshot_identifier") {
			b.Target().MarkUnknown("storage_encrypted")
		}
		a.BackupRetentionPeriod = b.Int("backup_retention_period", "backup_retention_period", 1)
		a.DeletionProtection = b.Bool("deletion_protection", "deletion_protection", false)
		a.LogExports = nonNilStrings(b.Strings("enabled_cloudwatch_logs_exports", "log_exports"))
	})
}

// nonNilStrings makes an unset list empty, as the live collector leaves it.
func nonNilStrings(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
