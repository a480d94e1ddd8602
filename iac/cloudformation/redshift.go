package cloudformation

import (
	"github.com/vigil-sec/vigil/model"
)

func init() {

	parent("AWS::Redshift::Cluster", model.KindRedshiftCluster, func(b *builder) {
		a := model.KindRedshiftCluster.Must(b.target)
		a.Encrypted = b.boolean("Encrypted", "encrypted", false)
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", false)
		a.EnhancedVPCRouting = b.boolean("EnhancedVpcRouting", "enhanced_vpc_routing", false)
		a.AllowVersionUpgrade = b.boolean("AllowVersionUpgrade", "allow_version_upgrade", true)
		a.SnapshotRetention = b.integer("AutomatedSnapshotRetentionPeriod", "automated_snapshot_retention_period", 1)
		a.DBName = b.str("DBName", "db_name", "dev")
		a.Port = b.integer("Port", "port", 5439)
		// A cluster restored from a snapshot takes the snapshot's admin
		// user when MasterUsername is not given.
		if a.MasterUsername = b.str("MasterUsername", "master_username", ""); !b.has("MasterUsername") {
			b.target.MarkUnknown("master_username")
		}
		a.LoggingEnabled = b.has("LoggingProperties")
		if a.LoggingEnabled {
			b.locate("LoggingProperties", "logging_enabled")
		}
	})
}
