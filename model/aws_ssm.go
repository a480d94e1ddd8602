package model

// Kinds of this service.
var (
	KindSSMManagedInstance = NewKind[SSMManagedInstance]("aws.ssm.managed_instance", "SSM managed instance with its patch compliance")
	KindSSMParameter       = NewKind[SSMParameter]("aws.ssm.parameter", "SSM Parameter Store parameter, with the secrets found in a plain value (never the value)")
)

// SSMParameter is kind aws.ssm.parameter. The value of a String or
// StringList parameter is scanned for secrets and dropped; a SecureString
// value is never read (it is where secrets belong).
type SSMParameter struct {
	Name         string          `json:"name"`
	Type         string          `json:"type" doc:"String, StringList or SecureString"`
	KeyID        string          `json:"key_id" doc:"KMS key of a SecureString parameter"`
	SecretsFound []SecretFinding `json:"secrets_found" doc:"secrets found in the value of a String or StringList parameter; empty for a SecureString"`
}

// SSMManagedInstance is kind aws.ssm.managed_instance.
type SSMManagedInstance struct {
	InstanceID     string `json:"instance_id"`
	PingStatus     string `json:"ping_status" doc:"Online, ConnectionLost or Inactive"`
	PatchCompliant *bool  `json:"patch_compliant" doc:"patch compliance status is COMPLIANT; null when no patch compliance is reported"`
}

// SSMSecureString is the parameter type whose value is encrypted.
const SSMSecureString = "SecureString"
