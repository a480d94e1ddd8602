package cloudformation

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

func init() {
	parent("AWS::AmazonMQ::Broker", model.KindMQBroker, func(b *builder) {
		a := model.KindMQBroker.Must(b.target)
		a.EngineType = strings.ToUpper(b.str("EngineType", "engine_type", ""))
		a.PubliclyAccessible = b.boolean("PubliclyAccessible", "publicly_accessible", false)
		a.AutoMinorVersionUpgrade = b.boolean("AutoMinorVersionUpgrade", "auto_minor_version_upgrade", false)
		a.GeneralLogs = b.boolean("Logs.General", "general_logs", false)
		a.AuditLogs = b.boolean("Logs.Audit", "audit_logs", false)
	})
}
