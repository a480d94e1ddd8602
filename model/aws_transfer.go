package model

// Kinds of this service.
var (
	KindTransferServer = NewKind[TransferServer]("aws.transfer.server", "AWS Transfer Family server (SFTP, FTPS, FTP, AS2)")
)

// TransferServer is kind aws.transfer.server.
type TransferServer struct {
	Protocols          []string `json:"protocols" doc:"SFTP, FTPS, FTP, AS2"`
	EndpointType       string   `json:"endpoint_type" doc:"PUBLIC, VPC or VPC_ENDPOINT"`
	LoggingRole        string   `json:"logging_role" doc:"the IAM role that writes the server's CloudWatch logs; empty when none"`
	StructuredLogs     bool     `json:"structured_logs" doc:"the server sends structured JSON logs to a CloudWatch Logs log group"`
	SecurityPolicyName string   `json:"security_policy_name" doc:"e.g. TransferSecurityPolicy-2024-01"`
}
