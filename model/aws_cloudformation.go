package model

// Kinds of this service.
var (
	KindCloudFormationStack = NewKind[CloudFormationStack]("aws.cloudformation.stack", "CloudFormation stack, with the secrets found in its parameters and outputs (never the values)")
)

// CloudFormationStack is kind aws.cloudformation.stack. Parameter and
// output values are scanned for secrets and dropped. A NoEcho parameter
// is answered masked (****) and so holds nothing to find.
type CloudFormationStack struct {
	Name                string          `json:"name"`
	Status              string          `json:"status"`
	SecretsInParameters []SecretFinding `json:"secrets_in_parameters" doc:"secrets found in parameter values, located as \"parameter NAME\""`
	SecretsInOutputs    []SecretFinding `json:"secrets_in_outputs" doc:"secrets found in output values, located as \"output NAME\"; unknown in IaC (outputs exist after deployment)"`
}
