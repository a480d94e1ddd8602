package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// RDS: aws_db_instance and aws_rds_cluster_instance become aws.rds.instance,
// aws_rds_cluster becomes aws.rds.cluster, aws_db_event_subscription
// aws.rds.event_subscription.
func init() {
	registerParent("aws_db_instance", model.KindRDSInstance, func(b *Builder) {
		a := model.KindRDSInstance.Must(b.R)
		b.NameFrom("identifier", "identifier_prefix")
		a.Engine = b.String("engine", "engine", "")
		a.EngineVersion = b.String("engine_version", "engine_version", "")
		a.InstanceClass = b.String("instance_class", "instance_class", "")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		a.StorageEncrypted = b.Bool("storage_encrypted", "storage_encrypted", false)
		// Replicas and snapshot restores inherit encryption from their
		// source, which the configuration does not show.
		if !b.Has("storage_encrypted") && (b.Has("replicate_source_db") || b.Has("snapshot_identifier")) {
			b.Target().MarkUnknown("storage_encrypted")
		}
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", false)
		// Unset, the provider sends nothing and the RDS API applies a
		// 1-day retention to instances it creates.
		a.BackupRetentionPeriod = b.Int("backup_retention_period", "backup_retention_period", 1)
		a.DeletionProtection = b.Bool("deletion_protection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.Bool("iam_database_authentication_enabled", "iam_database_authentication_enabled", false)
		a.AutoMinorVersionUpgrade = b.Bool("auto_minor_version_upgrade", "auto_minor_version_upgrade", true)
		a.MultiAZ = b.Bool("multi_az", "multi_az", false)
		a.PerformanceInsightsEnabled = b.Bool("performance_insights_enabled", "performance_insights_enabled", false)
		a.CloudWatchLogsExports = append([]string{}, b.Strings("enabled_cloudwatch_logs_exports", "enabled_cloudwatch_logs_exports")...)
		a.CopyTagsToSnapshot = b.Bool("copy_tags_to_snapshot", "copy_tags_to_snapshot", false)
		// Unset, Enhanced Monitoring is off (interval 0).
		a.MonitoringInterval = b.Int("monitoring_interval", "monitoring_interval", 0)
		// Unset, RDS uses the engine's default port; a replica or a
		// snapshot restore takes its engine and user name from the source.
		a.Port, a.MasterUsername = rdsEndpoint(b, a.Engine, "username")
	})
	// Aurora instances: storage, backups, deletion protection and IAM
	// authentication are cluster settings; rules skip them on members.
	registerParent("aws_rds_cluster_instance", model.KindRDSInstance, func(b *Builder) {
		a := model.KindRDSInstance.Must(b.R)
		b.NameFrom("identifier", "identifier_prefix")
		a.Engine = b.String("engine", "engine", "")
		a.EngineVersion = b.String("engine_version", "engine_version", "")
		a.InstanceClass = b.String("instance_class", "instance_class", "")
		a.ClusterIdentifier = b.String("cluster_identifier", "cluster_identifier", "")
		if a.ClusterIdentifier == "" {
			// Usually a reference to a cluster id known only after apply;
			// membership is what matters, so name the referenced cluster.
			a.ClusterIdentifier = "(cluster)"
			if refs := b.In.Refs["cluster_identifier"]; len(refs) > 0 {
				a.ClusterIdentifier = refs[0]
			}
		}
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", false)
		a.AutoMinorVersionUpgrade = b.Bool("auto_minor_version_upgrade", "auto_minor_version_upgrade", true)
		a.PerformanceInsightsEnabled = b.Bool("performance_insights_enabled", "performance_insights_enabled", false)
		a.MonitoringInterval = b.Int("monitoring_interval", "monitoring_interval", 0)
		// Log exports and copying tags are the cluster's.
		a.CloudWatchLogsExports = []string{}
		a.BackupRetentionPeriod = 0
		// The port and the master user are the cluster's.
		b.Target().MarkUnknown("port")
		b.Target().MarkUnknown("master_username")
	})
	registerParent("aws_rds_cluster", model.KindRDSCluster, func(b *Builder) {
		a := model.KindRDSCluster.Must(b.R)
		b.NameFrom("cluster_identifier", "cluster_identifier_prefix")
		a.Engine = b.String("engine", "engine", "aurora")
		a.KMSKeyID = b.String("kms_key_id", "kms_key_id", "")
		// Provider default: false for provisioned clusters, true for
		// (v1) serverless ones.
		serverless := strings.EqualFold(b.String("engine_mode", "", "provisioned"), "serverless")
		a.StorageEncrypted = b.Bool("storage_encrypted", "storage_encrypted", serverless)
		if !b.Has("storage_encrypted") && (b.Has("snapshot_identifier") || b.Has("replication_source_identifier")) {
			b.Target().MarkUnknown("storage_encrypted")
		}
		a.BackupRetentionPeriod = b.Int("backup_retention_period", "backup_retention_period", 1)
		a.DeletionProtection = b.Bool("deletion_protection", "deletion_protection", false)
		a.IAMAuthenticationEnabled = b.Bool("iam_database_authentication_enabled", "iam_database_authentication_enabled", false)
		a.CloudWatchLogsExports = append([]string{}, b.Strings("enabled_cloudwatch_logs_exports", "enabled_cloudwatch_logs_exports")...)
		a.CopyTagsToSnapshot = b.Bool("copy_tags_to_snapshot", "copy_tags_to_snapshot", false)
		// Unset, backtracking is off (window 0).
		a.BacktrackWindow = b.Int("backtrack_window", "backtrack_window", 0)
		// A snapshot restore or a secondary cluster of a global database
		// takes its master user from its source.
		a.Port, a.MasterUsername = rdsEndpoint(b, a.Engine, "master_username")
	})
	// Unset, enabled is true; no source type, ids or categories means every
	// source type, every source and every category.
	registerParent("aws_db_event_subscription", model.KindRDSEventSubscription, func(b *Builder) {
		a := model.KindRDSEventSubscription.Must(b.R)
		b.NameFrom("name", "name_prefix")
		a.Enabled = b.Bool("enabled", "enabled", true)
		a.SourceType = b.String("source_type", "source_type", "")
		a.SourceIDs = append([]string{}, b.Strings("source_ids", "source_ids")...)
		a.EventCategories = append([]string{}, b.Strings("event_categories", "event_categories")...)
		a.SNSTopicARN = b.String("sns_topic", "sns_topic_arn", "")
	})
	finishers = append(finishers, finishEventSubscriptions)
}

// finishEventSubscriptions names the configuration's topic a subscription
// sends to by its resource id, as the live collector names its ARN.
func finishEventSubscriptions(all []*Builder) {
	var topics []*Builder
	for _, b := range all {
		if b.In.Type == "aws_sns_topic" {
			topics = append(topics, b)
		}
	}
	for _, b := range all {
		if b.In.Type != "aws_db_event_subscription" {
			continue
		}
		a := model.KindRDSEventSubscription.Must(b.R)
		t := placeholderOf(topics, a.SNSTopicARN, "aws_sns_topic")
		if t == nil {
			continue
		}
		a.SNSTopicARN = t.R.ID
		b.R.Relations = append(b.R.Relations, model.Relation{Type: model.RelNotifies, Target: t.R.ID})
	}
}

// rdsEndpoint reads an instance's or cluster's port (unset: the engine's
// default, unknown for an engine without one) and master user name (the
// userAttr argument; unset: unknown, as the source decides it).
func rdsEndpoint(b *Builder, engine, userAttr string) (port int, user string) {
	port = b.Int("port", "port", model.RDSDefaultPort(engine))
	if !b.Has("port") && port == 0 {
		b.Target().MarkUnknown("port")
	}
	user = b.String(userAttr, "master_username", "")
	if !b.Has(userAttr) {
		b.Target().MarkUnknown("master_username")
	}
	return port, user
}
