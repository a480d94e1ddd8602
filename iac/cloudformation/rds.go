package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::RDS::DBInstance", model.KindRDSInstance, func(b *builder) {
		a := model.KindRDSInstance.Must(b.target)
		a.Engine = b.str("Engine", "engine", "")
		a.EngineVersion = b.str("EngineVersion", "engine_version", "")
		a.InstanceClass = b.str("DBInstanceClass", "instance_class", "")
		a.ClusterIdentifier = b.str("DBClusterIdentifier", "cluster_identifier", "")
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", false)
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		// Aurora instances take storage settings from their cluster.
		if r, ok := b.t.other(a.ClusterIdentifier); ok && r.typ == "AWS::RDS::DBCluster" && !b.has("StorageEncrypted") {
			cl := b.reader(r)
			a.StorageEncrypted = cl.boolean("StorageEncrypted", "storage_encrypted", false)
			a.KMSKeyID = cl.str("KmsKeyId", "kms_key_id", a.KMSKeyID)
			for _, u := range cl.target.Unknown {
				b.r.MarkUnknown(u)
			}
		}
		if a.KMSKeyID != "" {
			a.StorageEncrypted = true
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		// RDS makes an instance without a subnet group (default VPC)
		// public, one with a subnet group private.
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", !b.has("DBSubnetGroupName"))
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.boolean("EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled", false)
		a.AutoMinorVersionUpgrade = b.boolean("AutoMinorVersionUpgrade", "auto_minor_version_upgrade", true)
		a.MultiAZ = b.boolean("MultiAZ", "multi_az", false)
		a.PerformanceInsightsEnabled = b.boolean("EnablePerformanceInsights", "performance_insights_enabled", false)
		a.CloudWatchLogsExports = append([]string{}, b.strs("EnableCloudwatchLogsExports", "enabled_cloudwatch_logs_exports")...)
		a.CopyTagsToSnapshot = b.boolean("CopyTagsToSnapshot", "copy_tags_to_snapshot", false)
		// Unset, Enhanced Monitoring is off (interval 0).
		a.MonitoringInterval = b.integer("MonitoringInterval", "monitoring_interval", 0)
		// Aurora members take the port and the master user from the
		// cluster; a replica or a snapshot restore from its source.
		if a.ClusterIdentifier != "" {
			b.target.MarkUnknown("port")
			b.target.MarkUnknown("master_username")
		} else {
			a.Port, a.MasterUsername = rdsEndpoint(b, a.Engine)
		}
	})
	parent("AWS::RDS::DBCluster", model.KindRDSCluster, func(b *builder) {
		a := model.KindRDSCluster.Must(b.target)
		a.Engine = b.str("Engine", "engine", "")
		// Serverless v1 clusters are always encrypted.
		a.StorageEncrypted = b.boolean("StorageEncrypted", "storage_encrypted", b.str("EngineMode", "", "") == "serverless")
		a.KMSKeyID = b.str("KmsKeyId", "kms_key_id", "")
		if a.KMSKeyID != "" {
			a.StorageEncrypted = true
			b.relate(model.RelEncryptedBy, a.KMSKeyID)
		}
		a.BackupRetentionPeriod = b.integer("BackupRetentionPeriod", "backup_retention_period", 1)
		a.DeletionProtection = b.boolean("DeletionProtection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.boolean("EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled", false)
		a.CloudWatchLogsExports = append([]string{}, b.strs("EnableCloudwatchLogsExports", "enabled_cloudwatch_logs_exports")...)
		a.CopyTagsToSnapshot = b.boolean("CopyTagsToSnapshot", "copy_tags_to_snapshot", false)
		// Unset, backtracking is off (window 0).
		a.BacktrackWindow = b.integer("BacktrackWindow", "backtrack_window", 0)
		a.Port, a.MasterUsername = rdsEndpoint(b, a.Engine)
	})
	// Unset, Enabled is true; no source type, ids or categories means every
	// source type, every source and every category.
	parent("AWS::RDS::EventSubscription", model.KindRDSEventSubscription, func(b *builder) {
		a := model.KindRDSEventSubscription.Must(b.target)
		b.nameProp("SubscriptionName")
		a.Enabled = b.boolean("Enabled", "enabled", true)
		a.SourceType = b.str("SourceType", "source_type", "")
		a.SourceIDs = append([]string{}, b.strs("SourceIds", "source_ids")...)
		a.EventCategories = append([]string{}, b.strs("EventCategories", "event_categories")...)
		a.SNSTopicARN = b.str("SnsTopicArn", "sns_topic_arn", "")
		if id := b.t.refID(a.SNSTopicARN); id != "" {
			if r, ok := b.t.other(a.SNSTopicARN); ok && r.typ == "AWS::SNS::Topic" {
				a.SNSTopicARN = b.t.path + ":" + id
				b.relate(model.RelNotifies, a.SNSTopicARN)
			}
		} else if a.SNSTopicARN != "" {
			b.relate(model.RelNotifies, a.SNSTopicARN)
		}
	})
}

// rdsEndpoint reads an instance's or cluster's Port (unset: the engine's
// default, unknown for an engine without one) and MasterUsername (unset:
// unknown, as a snapshot or source decides it).
func rdsEndpoint(b *builder, engine string) (port int, user string) {
	port = b.integer("Port", "port", model.RDSDefaultPort(engine))
	if !b.has("Port") && port == 0 {
		b.target.MarkUnknown("port")
	}
	user = b.str("MasterUsername", "master_username", "")
	if !b.has("MasterUsername") {
		b.target.MarkUnknown("master_username")
	}
	return port, user
}
