package model

// Kinds of this service.
var (
	KindSSMManagedInstance = NewKind[SSMManagedInstance]("aws.ssm.managed_instance", "SSM managed instance with its patch compliance")
)

// SSMManagedInstance is kind aws.ssm.managed_instance.
type SSMManagedInstance struct {
	InstanceID     string `json:"instance_id"`
	PingStatus     string `json:"ping_status" doc:"Online, ConnectionLost or Inactive"`
	PatchCompliant *bool  `json:"patch_compliant" doc:"patch compliance status is COMPLIANT; null when no patch compliance is reported"`
}
