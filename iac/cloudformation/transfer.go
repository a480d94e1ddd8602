package cloudformation

import "github.com/vigil-sec/vigil/model"

func init() {
	parent("AWS::Transfer::Server", model.KindTransferServer, func(b *builder) {
		a := model.KindTransferServer.Must(b.target)
		// CloudFormation's defaults: SFTP only, a PUBLIC endpoint, the
		// 2018-11 security policy, no logging.
		a.Protocols = []string{"SFTP"}
		if b.has("Protocols") {
			a.Protocols = b.strs("Protocols", "protocols")
		}
		a.EndpointType = b.str("EndpointType", "endpoint_type", "PUBLIC")
		a.LoggingRole = b.str("LoggingRole", "logging_role", "")
		a.StructuredLogs = len(b.strs("StructuredLogDestinations", "structured_logs")) > 0
		a.SecurityPolicyName = b.str("SecurityPolicyName", "security_policy_name", "TransferSecurityPolicy-2018-11")
	})
}
