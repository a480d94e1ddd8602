package tfaws

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Amazon MQ: aws_mq_broker becomes aws.mq.broker.
func init() {
	registerParent("aws_mq_broker", model.KindMQBroker, func(b *Builder) {
		a := model.KindMQBroker.Must(b.R)
		b.NameFrom("broker_name")
		a.EngineType = strings.ToUpper(b.String("engine_type", "engine_type", ""))
		// Provider defaults: private, no logs, no automatic upgrades.
		a.PubliclyAccessible = b.Bool("publicly_accessible", "publicly_accessible", false)
		a.AutoMinorVersionUpgrade = b.Bool("auto_minor_version_upgrade", "auto_minor_version_upgrade", false)
		a.GeneralLogs = b.Bool("logs[0].general", "general_logs", false)
		a.AuditLogs = b.Bool("logs[0].audit", "audit_logs", false)
	})
}
