package tfaws

import "github.com/vigil-sec/vigil/model"

// Transfer Family: aws_transfer_server becomes aws.transfer.server.
func init() {
	registerParent("aws_transfer_server", model.KindTransferServer, func(b *Builder) {
		a := model.KindTransferServer.Must(b.R)
		// Provider defaults: SFTP only, a PUBLIC endpoint, the 2018-11
		// security policy, no logging.
		a.Protocols = []string{"SFTP"}
		if b.Has("protocols") {
			a.Protocols = b.Strings("protocols", "protocols")
		}
		a.EndpointType = b.String("endpoint_type", "endpoint_type", "PUBLIC")
		a.LoggingRole = b.String("logging_role", "logging_role", "")
		a.StructuredLogs = len(b.Strings("structured_log_destinations", "structured_logs")) > 0
		a.SecurityPolicyName = b.String("security_policy_name", "security_policy_name", "TransferSecurityPolicy-2018-11")
	})
}
