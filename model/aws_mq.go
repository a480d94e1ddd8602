package model

// Kinds of this service.
var (
	KindMQBroker = NewKind[MQBroker]("aws.mq.broker", "Amazon MQ broker (ActiveMQ or RabbitMQ)")
)

// MQBroker is kind aws.mq.broker.
type MQBroker struct {
	EngineType              string `json:"engine_type" doc:"ACTIVEMQ or RABBITMQ"`
	PubliclyAccessible      bool   `json:"publicly_accessible"`
	GeneralLogs             bool   `json:"general_logs" doc:"general logs published to CloudWatch Logs"`
	AuditLogs               bool   `json:"audit_logs" doc:"audit logs published to CloudWatch Logs (ActiveMQ only)"`
	AutoMinorVersionUpgrade bool   `json:"auto_minor_version_upgrade"`
}
