package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::DMS::ReplicationInstance", model.KindDMSReplicationInstance, func(b *builder) {
		a := model.KindDMSReplicationInstance.Must(b.target)
		b.nameProp("ReplicationInstanceIdentifier")
		// Unset, AWS's defaults apply: public, minor upgrades automatic,
		// single-AZ.
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", true)
		a.AutoMinorVersionUpgrade = b.boolean("AutoMinorVersionUpgrade", "auto_minor_version_upgrade", true)
		a.MultiAZ = b.boolean("MultiAZ", "multi_az", false)
	})
	parent("AWS::DMS::Endpoint", model.KindDMSEndpoint, func(b *builder) {
		a := model.KindDMSEndpoint.Must(b.target)
		b.nameProp("EndpointIdentifier")
		a.EndpointType = strings.ToUpper(b.str("EndpointType", "endpoint_type", ""))
		a.EngineName = b.str("EngineName", "engine_name", "")
		a.SSLMode = b.str("SslMode", "ssl_mode", "none")
	})
	parent("AWS::DMS::ReplicationTask", model.KindDMSReplicationTask, func(b *builder) {
		a := model.KindDMSReplicationTask.Must(b.target)
		b.nameProp("ReplicationTaskIdentifier")
		settings := b.str("ReplicationTaskSettings", "logging_enabled", "")
		if b.target.IsUnknown("logging_enabled") {
			return
		}
		on, err := model.DMSTaskLogging(settings)
		if err != nil {
			b.target.MarkUnknown("logging_enabled")
			return
		}
		a.LoggingEnabled = on
	})
}
