package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// DMS: aws_dms_replication_instance, aws_dms_endpoint and
// aws_dms_replication_task become aws.dms.replication_instance,
// aws.dms.endpoint and aws.dms.replication_task.
func init() {
	registerParent("aws_dms_replication_instance", model.KindDMSReplicationInstance, func(b *Builder) {
		a := model.KindDMSReplicationInstance.Must(b.R)
		b.NameFrom("replication_instance_id")
		// Unset, AWS's defaults apply: public, minor upgrades automatic
		// (CreateReplicationInstance: both default to true), single-AZ.
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", true)
		a.AutoMinorVersionUpgrade = b.Bool("auto_minor_version_upgrade", "auto_minor_version_upgrade", true)
		a.MultiAZ = b.Bool("multi_az", "multi_az", false)
	})
	registerParent("aws_dms_endpoint", model.KindDMSEndpoint, func(b *Builder) {
		a := model.KindDMSEndpoint.Must(b.R)
		b.NameFrom("endpoint_id")
		a.EndpointType = strings.ToUpper(b.String("endpoint_type", "endpoint_type", ""))
		a.EngineName = b.String("engine_name", "engine_name", "")
		a.SSLMode = b.String("ssl_mode", "ssl_mode", "none")
	})
	registerParent("aws_dms_replication_task", model.KindDMSReplicationTask, func(b *Builder) {
		a := model.KindDMSReplicationTask.Must(b.R)
		b.NameFrom("replication_task_id")
		settings := b.String("replication_task_settings", "logging_enabled", "")
		if b.Target().IsUnknown("logging_enabled") {
			return
		}
		on, err := model.DMSTaskLogging(settings)
		if err != nil {
			b.Target().MarkUnknown("logging_enabled")
			return
		}
		a.LoggingEnabled = on
	})
}
