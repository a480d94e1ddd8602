package tfaws

import "github.com/vigil-sec/vigil/model"

// Redshift clusters, joined with aws_redshift_logging.
func init() {
	registerParent("aws_redshift_cluster", model.KindRedshiftCluster, func(b *Builder) {
		a := model.KindRedshiftCluster.Must(b.R)
		b.NameFrom("cluster_identifier")
		// Defaults of provider v6 (and of the Redshift API since 2025):
		// encrypted and private unless said otherwise.
		a.Encrypted = b.Bool("encrypted", "encrypted", true)
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", false)
		// Provider v5 had an inline logging block.
		a.LoggingEnabled = b.Bool("logging[0].enable", "logging_enabled", false)
		a.EnhancedVPCRouting = b.Bool("enhanced_vpc_routing", "enhanced_vpc_routing", false)
		a.AllowVersionUpgrade = b.Bool("allow_version_upgrade", "allow_version_upgrade", true)
		a.SnapshotRetention = b.Int("automated_snapshot_retention_period", "automated_snapshot_retention_period", 1)
		a.DBName = b.String("database_name", "db_name", "dev")
		a.Port = b.Int("port", "port", 5439)
		// A cluster restored from a snapshot takes the snapshot's admin
		// user when master_username is not given.
		if a.MasterUsername = b.String("master_username", "master_username", ""); !b.Has("master_username") {
			b.R.MarkUnknown("master_username")
		}
	})
	registerChild("aws_redshift_logging", "cluster_identifier", []string{"aws_redshift_cluster"}, func(p *Builder, c *Child) {
		model.KindRedshiftCluster.Must(p.R).LoggingEnabled = true
		c.locate("", "logging_enabled")
	})
}
